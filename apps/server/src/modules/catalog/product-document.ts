/**
 * A product as one document: the product row, its variants in order and the collections it
 * belongs to — read in one statement, written as one replacement. Runs in a tenant scope.
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Product, ProductInput } from '@orbit360/contracts';
import { insertJsonRows, isUuid, type Tx } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import {
  collectionProducts,
  collections,
  productVariants,
  type ProductImage,
} from './catalog.table.js';
import { checkImageMedia, imageViews, storedImages } from './product-images.js';
import { sanitizeDescription } from './sanitize-description.js';

interface ProductDocumentRow extends Record<string, unknown> {
  product: Omit<Product, 'createdAt' | 'updatedAt' | 'images'> & {
    images: ProductImage[];
    createdAt: string;
    updatedAt: string;
  };
}

/** The product with this id, or null (also for ids that are not uuids or of another tenant). */
export async function readProduct(tx: Tx, id: string): Promise<Product | null> {
  if (!isUuid(id)) return null;
  const result = await tx.execute<ProductDocumentRow>(sql`
    select json_build_object('id', p.id, 'handle', p.handle, 'title', p.title,
      'description', p.description, 'status', p.status, 'options', p.options,
      'images', p.images, 'seoTitle', p.seo_title, 'seoDescription', p.seo_description,
      'isFeatured', p.is_featured, 'isSample', p.is_sample, 'revision', p.revision,
      'createdAt', p.created_at, 'updatedAt', p.updated_at,
      'variants', (select coalesce(json_agg(json_build_object('id', v.id, 'position', v.position,
          'optionValues', v.option_values, 'sku', v.sku, 'priceCents', v.price_cents,
          'compareAtPriceCents', v.compare_at_price_cents,
          'inventoryQuantity', v.inventory_quantity, 'trackInventory', v.track_inventory,
          'allowBackorder', v.allow_backorder) order by v.position), '[]')
        from product_variants v where v.tenant_id = p.tenant_id and v.product_id = p.id),
      'collectionIds', (select coalesce(json_agg(cp.collection_id order by c.sort_order, c.title), '[]')
        from collection_products cp join collections c
          on c.tenant_id = cp.tenant_id and c.id = cp.collection_id
        where cp.tenant_id = p.tenant_id and cp.product_id = p.id)) as product
    from products p where p.id = ${id}`);
  const row = result.rows[0]?.product;
  if (!row) return null;
  return {
    ...row,
    images: await imageViews(tx, row.images),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** The product's own columns from a document (description sanitised). */
export function productColumns(input: ProductInput) {
  return {
    title: input.title,
    description: sanitizeDescription(input.description),
    status: input.status,
    options: input.options,
    images: storedImages(input.images),
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    isFeatured: input.isFeatured,
  };
}

/** 400 naming the first collection id that is not one of this tenant's collections. */
async function checkCollectionIds(tx: Tx, ids: string[]) {
  if (!ids.length) return;
  const found = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(inArray(collections.id, ids));
  const known = new Set(found.map((c) => c.id));
  const issues = ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [{ field: `body.collectionIds.${i}`, message: 'no collection with this id' }],
  );
  if (issues.length) throw AppError.validation(issues);
}

/**
 * Replaces the product's variants (kept ids stay, others are new) and collection memberships
 * (kept ones keep their place; new ones go last in their collection).
 */
export async function writeProductParts(
  tx: Tx,
  options: { tenantId: string; productId: string; input: ProductInput; isNew: boolean },
) {
  const { tenantId, productId, input } = options;
  await checkCollectionIds(tx, input.collectionIds);
  await checkImageMedia(tx, input.images);
  let keptIds = new Set<string>();
  if (!options.isNew) {
    const deleted = await tx
      .delete(productVariants)
      .where(eq(productVariants.productId, productId))
      .returning({ id: productVariants.id });
    keptIds = new Set(deleted.map((v) => v.id));
  }
  await insertJsonRows(
    tx,
    productVariants,
    input.variants.map(({ id, ...variant }, position) => ({
      tenantId,
      ...(id && keptIds.has(id) ? { id } : { id: crypto.randomUUID() }),
      productId,
      position,
      ...variant,
    })),
  );
  if (!options.isNew) {
    await tx
      .delete(collectionProducts)
      .where(
        and(
          eq(collectionProducts.productId, productId),
          input.collectionIds.length
            ? notInArray(collectionProducts.collectionId, input.collectionIds)
            : sql`true`,
        ),
      );
  }
  if (input.collectionIds.length) {
    await tx.execute(sql`
      insert into collection_products (tenant_id, collection_id, product_id, position)
      select ${tenantId}::uuid, c.id, ${productId}::uuid,
        coalesce((select max(position) + 1 from collection_products m
          where m.tenant_id = c.tenant_id and m.collection_id = c.id), 0)
      from collections c where c.id = any(${`{${input.collectionIds.join(',')}}`}::uuid[])
      on conflict do nothing`);
  }
}
