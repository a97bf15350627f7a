import { sql, type SQL } from 'drizzle-orm';
import type { ProductList, ProductListQuery, ProductSummary } from '@orbit360/contracts';
import { withTenant } from '../../platform/database/index.js';
import type { ProductImage } from './catalog.table.js';
import type { TenantScope } from './catalog-deps.js';
import { imageViews } from './product-images.js';

interface SummaryRow extends Record<string, unknown> {
  item: Omit<ProductSummary, 'updatedAt' | 'image'> & {
    image: ProductImage | null;
    updatedAt: string;
  };
  total: string | number;
}

/** The store's products, newest first: search by title/handle/SKU, by status, by collection. */
export async function listProducts(
  options: TenantScope & { query: ProductListQuery },
): Promise<ProductList> {
  const { q, status, collectionId, page, pageSize } = options.query;
  const filters: SQL[] = [sql`true`];
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(p.title ilike ${like} or p.handle ilike ${like} or exists (
      select 1 from product_variants s where s.tenant_id = p.tenant_id and s.product_id = p.id
        and s.sku ilike ${like}))`);
  }
  if (status) filters.push(sql`p.status = ${status}`);
  if (collectionId) {
    filters.push(sql`exists (select 1 from collection_products cp
      where cp.tenant_id = p.tenant_id and cp.product_id = p.id and cp.collection_id = ${collectionId})`);
  }
  const rows = await withTenant(options.db, options.tenantId, async (tx) => {
    const result = await tx.execute<SummaryRow>(sql`
      select json_build_object('id', p.id, 'handle', p.handle, 'title', p.title,
        'status', p.status, 'isSample', p.is_sample, 'revision', p.revision,
        'priceCents', v.price_cents, 'variantsCount', v.n, 'inventory', v.inventory,
        'image', p.images->0, 'updatedAt', p.updated_at) as item,
        count(*) over () as total
      from products p
      cross join lateral (select coalesce(min(price_cents), 0) as price_cents, count(*) as n,
          sum(inventory_quantity) filter (where track_inventory) as inventory
        from product_variants x where x.tenant_id = p.tenant_id and x.product_id = p.id) v
      where ${sql.join(filters, sql` and `)}
      order by p.created_at desc, p.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`);
    const firsts = result.rows.flatMap(({ item }) => (item.image ? [item.image] : []));
    const views = await imageViews(tx, firsts);
    return result.rows.map((row) => ({
      ...row,
      image: row.item.image ? views[firsts.indexOf(row.item.image)]! : null,
    }));
  });
  const total = rows.length
    ? Number(rows[0]!.total)
    : await withTenant(options.db, options.tenantId, async (tx) => {
        const result = await tx.execute<{ n: string }>(
          sql`select count(*) as n from products p where ${sql.join(filters, sql` and `)}`,
        );
        return Number(result.rows[0]!.n);
      });
  return {
    items: rows.map(({ item, image }) => ({
      ...item,
      variantsCount: Number(item.variantsCount),
      inventory: item.inventory === null ? null : Number(item.inventory),
      image,
      updatedAt: new Date(item.updatedAt).toISOString(),
    })),
    total,
    page,
    pageSize,
  };
}
