import { eq, sql } from 'drizzle-orm';
import type { Product, ProductInput } from '@orbit360/contracts';
import { inTenantScope, isUuid } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { products } from './catalog.table.js';
import type { TenantWrite } from './catalog-deps.js';
import { publishCatalogChange } from './catalog-events.js';
import { lockTenantCatalog } from './catalog-lock.js';
import { withHandleConflict } from '../../platform/handles.js';
import { assertProductSlot, planLimitsOf } from './plan-limits.js';
import { productColumns, readProduct, writeProductParts } from './product-document.js';

/**
 * Replaces a whole product document (product, variants, collection memberships) atomically,
 * if `revision` is still the current one (optimistic concurrency: 409 with the current
 * revision otherwise), and bumps the revision. Without a handle the product keeps its own.
 * Un-archiving counts against the plan's product limit again.
 */
export async function updateProduct(
  options: TenantWrite & { id: string; revision: number; input: ProductInput },
): Promise<Product> {
  const { db, tenantId, id, input } = options;
  if (!isUuid(id)) throw AppError.notFound('Product');
  return db.transaction(async (tx) => {
    const limits = await planLimitsOf(tx, tenantId);
    await lockTenantCatalog(tx, tenantId);
    const product = await inTenantScope(tx, tenantId, async (tx) => {
      const [current] = await tx
        .select({ revision: products.revision, status: products.status, handle: products.handle })
        .from(products)
        .where(eq(products.id, id))
        .for('update');
      if (!current) throw AppError.notFound('Product');
      if (current.revision !== options.revision) {
        throw new AppError(
          'CONFLICT',
          'The product changed since you opened it: reload it, then save again',
          { currentRevision: current.revision },
        );
      }
      if (current.status === 'archived' && input.status !== 'archived') {
        await assertProductSlot(tx, limits);
      }
      await withHandleConflict('product', () =>
        tx
          .update(products)
          .set({
            ...productColumns(input),
            handle: input.handle ?? current.handle,
            revision: sql`${products.revision} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(products.id, id)),
      );
      await writeProductParts(tx, { tenantId, productId: id, input, isNew: false });
      return (await readProduct(tx, id))!;
    });
    await publishCatalogChange(tx, options, { resource: 'product', action: 'updated', ids: [id] });
    return product;
  });
}
