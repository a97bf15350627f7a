import { eq } from 'drizzle-orm';
import { isUuid, leaveTenantScope, withTenant } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { findProductsUsingMedia } from '../catalog/index.js';
import { mediaKeys } from './media-keys.js';
import type { MediaDeps } from './media.deps.js';
import { media } from './media.table.js';
import { widthsFor } from './process-media.js';

/**
 * Deletes one of the tenant's media items and its files (another tenant's id: 404). An image
 * that products still show is refused with 409 naming them (`details.products`): the merchant
 * removes it from those products first, so no saved product ever points at nothing. The row is
 * locked before the check, so a product save adding it (which locks it too) either commits
 * first and is seen, or waits and then finds it gone. The row goes first, so the item stops
 * being served at once; then the original and every copy the job makes for an image of its
 * width (deleting a missing file is not an error).
 */
export async function deleteMedia(options: {
  deps: Pick<MediaDeps, 'db' | 'storage'>;
  tenantId: string;
  actor: AuditEntry['actor'];
  id: string;
}): Promise<void> {
  const { deps, tenantId, id } = options;
  if (!isUuid(id)) throw AppError.notFound('Media');
  const row = await withTenant(deps.db, tenantId, async (tx) => {
    const [locked] = await tx
      .select({ id: media.id })
      .from(media)
      .where(eq(media.id, id))
      .for('update');
    if (!locked) throw AppError.notFound('Media');
    const users = await findProductsUsingMedia(tx, id);
    if (users.length) {
      throw new AppError(
        'CONFLICT',
        `This image is used by ${users.length === 1 ? 'a product' : `${users.length} products`}: remove it from them first`,
        { products: users },
      );
    }
    const [deleted] = await tx.delete(media).where(eq(media.id, id)).returning();
    await leaveTenantScope(tx);
    await recordAudit(tx, {
      actor: options.actor,
      action: 'media.deleted',
      target: { type: 'media', id },
      tenantId,
    });
    return deleted!;
  });
  const widths = new Set([...widthsFor(row.width), ...row.sizes.map((s) => s.width)]);
  await Promise.all([
    deps.storage.delete(row.originalKey),
    ...[...widths].map((w) => deps.storage.delete(mediaKeys.size(tenantId, id, w))),
  ]);
}
