import { eq } from 'drizzle-orm';
import { inTenantScope, isUuid } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { collections } from './catalog.table.js';
import type { TenantWrite } from './catalog-deps.js';
import { publishCatalogChange } from './catalog-events.js';

/** Deletes a collection; its products stay (only the memberships go). */
export async function deleteCollection(options: TenantWrite & { id: string }): Promise<void> {
  const { db, tenantId, id } = options;
  if (!isUuid(id)) throw AppError.notFound('Collection');
  await db.transaction(async (tx) => {
    const deleted = await inTenantScope(tx, tenantId, (tx) =>
      tx.delete(collections).where(eq(collections.id, id)).returning({ id: collections.id }),
    );
    if (!deleted.length) throw AppError.notFound('Collection');
    await publishCatalogChange(tx, options, {
      resource: 'collection',
      action: 'deleted',
      ids: [id],
    });
  });
}
