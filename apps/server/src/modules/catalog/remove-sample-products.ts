import { eq } from 'drizzle-orm';
import { inTenantScope } from '../../platform/database/index.js';
import { products } from './catalog.table.js';
import type { TenantWrite } from './catalog-deps.js';
import { publishCatalogChange } from './catalog-events.js';

/** Deletes every sample product of the store ("Remove sample products"); returns how many. */
export async function removeSampleProducts(options: TenantWrite): Promise<{ removed: number }> {
  const { db, tenantId } = options;
  return db.transaction(async (tx) => {
    const deleted = await inTenantScope(tx, tenantId, (tx) =>
      tx.delete(products).where(eq(products.isSample, true)).returning({ id: products.id }),
    );
    if (deleted.length) {
      await publishCatalogChange(tx, options, {
        resource: 'product',
        action: 'deleted',
        ids: deleted.map((p) => p.id),
      });
    }
    return { removed: deleted.length };
  });
}
