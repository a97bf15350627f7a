import { eq } from 'drizzle-orm';
import { isUuid, withTenant } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { mediaKeys } from './media-keys.js';
import type { MediaDeps } from './media.deps.js';
import { media } from './media.table.js';
import { widthsFor } from './process-media.js';

/**
 * Deletes one of the tenant's media items and its files (another tenant's id: 404). The row
 * goes first, so the item stops being served at once; then the original and every copy the
 * job makes for an image of its width (deleting a missing file is not an error).
 */
export async function deleteMedia(options: {
  deps: Pick<MediaDeps, 'db' | 'storage'>;
  tenantId: string;
  id: string;
}): Promise<void> {
  const { deps, tenantId, id } = options;
  if (!isUuid(id)) throw AppError.notFound('Media');
  const [row] = await withTenant(deps.db, tenantId, (tx) =>
    tx.delete(media).where(eq(media.id, id)).returning(),
  );
  if (!row) throw AppError.notFound('Media');
  const widths = new Set([...widthsFor(row.width), ...row.sizes.map((s) => s.width)]);
  await Promise.all([
    deps.storage.delete(row.originalKey),
    ...[...widths].map((w) => deps.storage.delete(mediaKeys.size(tenantId, id, w))),
  ]);
}
