/** A collection as one document: its row and its ordered product ids. In a tenant scope. */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Collection, CollectionInput } from '@orbit360/contracts';
import { insertJsonRows, isUuid, type Tx } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { collectionProducts, products } from './catalog.table.js';

interface CollectionRow extends Record<string, unknown> {
  collection: Omit<Collection, 'createdAt' | 'updatedAt'> & {
    createdAt: string;
    updatedAt: string;
  };
}

export async function readCollection(tx: Tx, id: string): Promise<Collection | null> {
  if (!isUuid(id)) return null;
  const result = await tx.execute<CollectionRow>(sql`
    select json_build_object('id', c.id, 'handle', c.handle, 'title', c.title,
      'description', c.description, 'sortOrder', c.sort_order,
      'createdAt', c.created_at, 'updatedAt', c.updated_at,
      'productIds', (select coalesce(json_agg(cp.product_id order by cp.position), '[]')
        from collection_products cp where cp.tenant_id = c.tenant_id and cp.collection_id = c.id)
    ) as collection
    from collections c where c.id = ${id}`);
  const row = result.rows[0]?.collection;
  if (!row) return null;
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export const collectionColumns = (input: CollectionInput) => ({
  title: input.title,
  description: input.description,
  sortOrder: input.sortOrder,
});

/** Replaces the collection's products with `productIds`, in that order (400 for unknown ids). */
export async function writeCollectionProducts(
  tx: Tx,
  options: { tenantId: string; collectionId: string; productIds: string[] },
) {
  const { tenantId, collectionId, productIds } = options;
  if (productIds.length) {
    const found = await tx
      .select({ id: products.id })
      .from(products)
      .where(inArray(products.id, productIds));
    const known = new Set(found.map((p) => p.id));
    const issues = productIds.flatMap((id, i) =>
      known.has(id) ? [] : [{ field: `body.productIds.${i}`, message: 'no product with this id' }],
    );
    if (issues.length) throw AppError.validation(issues);
  }
  await tx.delete(collectionProducts).where(eq(collectionProducts.collectionId, collectionId));
  await insertJsonRows(
    tx,
    collectionProducts,
    productIds.map((productId, position) => ({ tenantId, collectionId, productId, position })),
  );
}
