import { z } from 'zod';
import { Pagination, Timestamp } from './common.js';

/** The widths (px) of the WebP copies made of every image; never wider than the original. */
export const MEDIA_WIDTHS = [160, 480, 1080, 2048] as const;

export const MediaStatus = z.enum(['processing', 'ready', 'failed']);
export type MediaStatus = z.infer<typeof MediaStatus>;

export const MediaMimeType = z.enum([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
]);
export type MediaMimeType = z.infer<typeof MediaMimeType>;

/** One resized WebP copy of an image. */
export const MediaSize = z.object({
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});
export type MediaSize = z.infer<typeof MediaSize>;

/**
 * A merchant's uploaded image. `urls` are paths on the store's own host (stable, immutable):
 * `original` always, one per resized width once `status` is `ready`.
 */
export const MediaItem = z.object({
  id: z.uuid(),
  status: MediaStatus,
  mimeType: MediaMimeType,
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  alt: z.string(),
  sizes: z.array(MediaSize),
  urls: z.object({
    original: z.string(),
    sizes: z.record(z.string(), z.string()),
  }),
  /** Why processing failed (status `failed`). */
  error: z.string().nullable(),
  createdAt: Timestamp,
});
export type MediaItem = z.infer<typeof MediaItem>;

export const MediaListQuery = Pagination.pick({ page: true });
export const MediaList = z.object({
  items: z.array(MediaItem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type MediaList = z.infer<typeof MediaList>;
