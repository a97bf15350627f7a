import sharp, { type Metadata } from 'sharp';
import type { MediaMimeType } from '@orbit360/contracts';
import { AppError } from '../../platform/errors.js';

export interface SniffedImage {
  mimeType: MediaMimeType;
  width: number;
  height: number;
}

const SUPPORTED = 'JPEG, PNG, WebP, AVIF or GIF';

function mimeOf(metadata: Metadata): MediaMimeType | undefined {
  switch (metadata.format) {
    case 'jpeg':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    case 'webp':
      return 'image/webp';
    case 'gif':
      return 'image/gif';
    case 'heif':
      // libheif reads HEIC and AVIF alike; only AV1-compressed (AVIF) is accepted.
      return metadata.compression === 'av1' ? 'image/avif' : undefined;
    default:
      return undefined;
  }
}

const tooManyPixels = (max: number) =>
  AppError.validation([
    {
      field: 'file',
      message: `The image has too many pixels (at most ${max.toLocaleString('en-US')})`,
    },
  ]);

/**
 * What an upload really is, from its bytes (libvips reads the header; the file name and the
 * client's Content-Type are ignored). Anything but the five supported formats → 415; an
 * image with more pixels than allowed (a decompression bomb) → 400.
 */
export async function sniffImage(bytes: Buffer, maxInputPixels: number): Promise<SniffedImage> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: maxInputPixels }).metadata();
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) throw tooManyPixels(maxInputPixels);
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file is not an image (${SUPPORTED})`);
  }
  const mimeType = mimeOf(metadata);
  if (!mimeType) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Images must be ${SUPPORTED} (this one is ${metadata.format})`,
    );
  }
  // Animated images: `pageHeight` is one frame's height (`height` is all frames stacked).
  const width = metadata.autoOrient.width ?? metadata.width;
  const height =
    metadata.pages && metadata.pageHeight ? metadata.pageHeight : metadata.autoOrient.height;
  if (!width || !height) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The image has no size');
  // Only the first frame of an animation is ever decoded (resized copies are stills).
  if (width * height > maxInputPixels) {
    throw tooManyPixels(maxInputPixels);
  }
  return { mimeType, width, height };
}
