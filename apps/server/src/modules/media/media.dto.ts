import type { MediaItem } from '@orbit360/contracts';
import type { MediaRow } from './media.table.js';

/** Paths on the store's own host (see media.routes.ts); stable for the item's lifetime. */
export const mediaPaths = {
  original: (id: string) => `/media/${id}/original`,
  size: (id: string, width: number) => `/media/${id}/${width}.webp`,
};

export function toMediaItem(row: MediaRow): MediaItem {
  return {
    id: row.id,
    status: row.status,
    mimeType: row.mimeType,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    alt: row.alt,
    sizes: row.sizes,
    urls: {
      original: mediaPaths.original(row.id),
      sizes: Object.fromEntries(
        row.sizes.map((s) => [String(s.width), mediaPaths.size(row.id, s.width)]),
      ),
    },
    error: row.error,
    createdAt: row.createdAt.toISOString(),
  };
}
