import { sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { MediaSize } from '@orbit360/contracts';
import { isUuid, readAsFoundTenant } from '../../platform/database/index.js';
import type { MediaDeps } from './media.deps.js';
import { mediaKeys } from './media-keys.js';
import { media } from './media.table.js';
import { tenants } from '../tenants/index.js';

const FILE_RE = /^(original|(\d{2,5})\.webp)$/;

export interface MediaFile {
  body: Readable;
  size: number;
  contentType: string;
}

/**
 * A media file of the store at `slug`, or null (no such store, item or size). The store and
 * the item are read in one round trip, the item under the store's tenant scope: another
 * store's media id is simply not found on this store's host. Suspended stores serve nothing.
 */
export async function findMediaFile(options: {
  deps: Pick<MediaDeps, 'db' | 'storage'>;
  slug: string;
  id: string;
  file: string;
}): Promise<MediaFile | null> {
  const { deps, slug, id, file } = options;
  const match = FILE_RE.exec(file);
  if (!match || !isUuid(id)) return null;
  const { found, results } = await readAsFoundTenant<{ tenant_id: string }>(
    deps.db,
    sql`select ${tenants.id} as tenant_id from ${tenants}
      where ${tenants.slug} = ${slug} and ${tenants.status} <> 'suspended'`,
    [
      sql`select ${media.originalKey} as original_key, ${media.mimeType} as mime_type,
        ${media.status} as status, ${media.sizes} as sizes from ${media} where ${media.id} = ${id}`,
    ],
  );
  const item = results[0]?.[0] as
    { original_key: string; mime_type: string; status: string; sizes: MediaSize[] } | undefined;
  if (!found || !item || item.status === 'failed') return null;
  const width = match[2] ? Number(match[2]) : undefined;
  if (width !== undefined && !item.sizes.some((s) => s.width === width)) return null;
  const key = width === undefined ? item.original_key : mediaKeys.size(found.tenant_id, id, width);
  const stored = await deps.storage.stream(key);
  if (!stored) return null;
  return {
    ...stored,
    contentType: width === undefined ? item.mime_type : 'image/webp',
  };
}
