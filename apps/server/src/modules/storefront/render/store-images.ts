/**
 * Product images as the storefront reads them: each stored image (`{ url, alt }` or
 * `{ mediaId, alt }`) with, for an uploaded one, its media item's status, size and ready
 * copies — read inside the page's one statement, so a page costs no extra round trip.
 */
import type { MediaSize, MediaStatus } from '@orbit360/contracts';
import type { ProductImage } from '../../catalog/index.js';

export type StoreImageRow = ProductImage & {
  /** The media item of a `mediaId` image; absent when it no longer exists. */
  media?: { status: MediaStatus; width: number; height: number; sizes: MediaSize[] };
};

/** A JSON array of `p`'s images with their media (SQL, for the product JSON). */
export const storeImagesJson = `(select coalesce(json_agg(case when m.id is null then e.i
      else e.i || jsonb_build_object('media', jsonb_build_object('status', m.status,
        'width', m.width, 'height', m.height, 'sizes', m.sizes)) end order by e.n), '[]')
    from jsonb_array_elements(p.images) with ordinality e(i, n)
    left join media m on m.tenant_id = p.tenant_id and m.id = (e.i->>'mediaId')::uuid)`;
