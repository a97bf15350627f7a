import { sql } from 'drizzle-orm';
import type { Product, ProductInput } from '@orbit360/contracts';
import { inTenantScope } from '../../platform/database/index.js';
import { products } from './catalog.table.js';
import type { TenantWrite } from './catalog-deps.js';
import { publishCatalogChange } from './catalog-events.js';
import { lockTenantCatalog } from './catalog-lock.js';
import { freeHandle, handleFromTitle, withHandleConflict } from '../../platform/handles.js';
import { assertProductSlot, planLimitsOf } from './plan-limits.js';
import { productColumns, readProduct, writeProductParts } from './product-document.js';

/**
 * Creates a product with its variants and collection memberships. Under the tenant's catalog
 * lock: the plan's product limit is checked and a generated handle chosen without races. An
 * explicit handle already in use → 409.
 */
export async function createProduct(
  options: TenantWrite & { input: ProductInput },
): Promise<Product> {
  const { db, tenantId, input } = options;
  return db.transaction(async (tx) => {
    const limits = await planLimitsOf(tx, tenantId);
    await lockTenantCatalog(tx, tenantId);
    const product = await inTenantScope(tx, tenantId, async (tx) => {
      if (input.status !== 'archived') await assertProductSlot(tx, limits);
      const handle =
        input.handle ??
        (await freeHandle(tx, sql`products`, handleFromTitle(input.title, 'product')));
      const [row] = await withHandleConflict('product', () =>
        tx
          .insert(products)
          .values({
            tenantId,
            handle,
            ...productColumns(input),
            // New products go last in the store's manual order.
            sortOrder: sql`(select coalesce(max(sort_order) + 1, 0) from products)`,
          })
          .returning({ id: products.id }),
      );
      await writeProductParts(tx, { tenantId, productId: row!.id, input, isNew: true });
      return (await readProduct(tx, row!.id))!;
    });
    await publishCatalogChange(tx, options, {
      resource: 'product',
      action: 'created',
      ids: [product.id],
    });
    return product;
  });
}
