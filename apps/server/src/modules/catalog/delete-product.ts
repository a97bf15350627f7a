import { eq } from 'drizzle-orm';
import { inTenantScope, isUuid } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { products } from './catalog.table.js';
import type { TenantWrite } from './catalog-deps.js';
import { publishCatalogChange } from './catalog-events.js';

/** Deletes a product with its variants and memberships (foreign keys cascade). */
export async function deleteProduct(options: TenantWrite & { id: string }): Promise<void> {
  const { db, tenantId, id } = options;
  if (!isUuid(id)) throw AppError.notFound('Product');
  await db.transaction(async (tx) => {
    const deleted = await inTenantScope(tx, tenantId, (tx) =>
      tx.delete(products).where(eq(products.id, id)).returning({ id: products.id }),
    );
    if (!deleted.length) throw AppError.notFound('Product');
    await publishCatalogChange(tx, options, { resource: 'product', action: 'deleted', ids: [id] });
  });
}
