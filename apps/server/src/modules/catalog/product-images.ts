/**
 * Product images that point at the store's media: checked on save (inside the product's
 * transaction, the items locked against a concurrent delete), shown with their status, size
 * and resized copies, and looked up when a media item is about to be deleted.
 */
import { sql } from 'drizzle-orm';
import type { MediaItem, ProductImageView, ProductImage as ImageInput } from '@orbit360/contracts';
import type { Tx } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { findMediaByIds, mediaPaths } from '../media/index.js';
import type { ProductImage } from './catalog.table.js';

/** The copy the dashboard shows (a thumbnail-sized width; the largest if all are smaller). */
const DISPLAY_WIDTH = 480;

/** The stored shape: `{ mediaId, alt }` or `{ url, alt }`, nothing else. */
export function storedImages(images: ImageInput[]): ProductImage[] {
  return images.map((image) =>
    image.mediaId !== undefined
      ? { mediaId: image.mediaId, alt: image.alt }
      : { url: image.url!, alt: image.alt },
  );
}

const mediaIdsOf = (images: readonly (ProductImage | ImageInput)[]) =>
  images.flatMap((image) => ('mediaId' in image && image.mediaId ? [image.mediaId] : []));

/**
 * 400 naming `body.images.N.mediaId` for ids that are not this tenant's media (unknown, or
 * another store's: RLS hides them) or whose processing failed. The items found stay locked
 * (`for key share`) until the save commits, so a delete of one waits and then sees the product.
 */
export async function checkImageMedia(tx: Tx, images: ImageInput[]) {
  const ids = mediaIdsOf(images);
  if (!ids.length) return;
  const found = new Map((await findMediaByIds(tx, ids, { lock: true })).map((m) => [m.id, m]));
  const issues = images.flatMap((image, i) => {
    if (image.mediaId === undefined) return [];
    const item = found.get(image.mediaId);
    const message = !item
      ? 'no image with this id in this store'
      : item.status === 'failed'
        ? 'this image could not be processed: upload it again'
        : null;
    return message ? [{ field: `body.images.${i}.mediaId`, message }] : [];
  });
  if (issues.length) throw AppError.validation(issues);
}

function mediaView(image: { mediaId: string; alt: string }, item: MediaItem | undefined) {
  if (!item) return { mediaId: image.mediaId, alt: image.alt, url: '', srcset: [] };
  const srcset =
    item.status === 'ready'
      ? item.sizes.map((s) => ({ width: s.width, url: mediaPaths.size(item.id, s.width) }))
      : [];
  const shown =
    srcset.find((s) => s.width === DISPLAY_WIDTH) ??
    srcset.filter((s) => s.width < DISPLAY_WIDTH).at(-1);
  return {
    mediaId: item.id,
    alt: image.alt,
    status: item.status,
    width: item.width,
    height: item.height,
    url: shown?.url ?? mediaPaths.original(item.id),
    srcset,
  };
}

/** The images as the API returns them (one read of the media they name). */
export async function imageViews(
  tx: Tx,
  images: readonly ProductImage[],
): Promise<ProductImageView[]> {
  const ids = mediaIdsOf(images);
  const found = new Map(ids.length ? (await findMediaByIds(tx, ids)).map((m) => [m.id, m]) : []);
  return images.map((image) =>
    'mediaId' in image ? mediaView(image, found.get(image.mediaId)) : { ...image },
  );
}

/** The products (id, title) whose images use this media item, in the caller's tenant scope. */
export async function findProductsUsingMedia(
  tx: Tx,
  mediaId: string,
): Promise<{ id: string; title: string }[]> {
  const result = await tx.execute<{ id: string; title: string }>(sql`
    select id, title from products
    where images @> ${JSON.stringify([{ mediaId }])}::jsonb order by title, id`);
  return result.rows;
}
