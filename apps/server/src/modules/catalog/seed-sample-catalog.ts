import { sql } from 'drizzle-orm';
import { insertJsonRows, type Tx } from '../../platform/database/index.js';
import { collections, products } from './catalog.table.js';
import { SAMPLE_COLLECTIONS, SAMPLE_PRODUCTS, sampleImages } from './sample-catalog.js';

/**
 * Gives new stores the sample catalog: collections, products (marked `is_sample`), one
 * default variant each and their collection memberships — four set-based statements however
 * many stores (provisioning seeds a batch of tenants at once). Idempotent: every row has a
 * natural key per tenant and is inserted with ON CONFLICT DO NOTHING, so a retried step
 * creates nothing twice and never overwrites what the merchant changed. Runs in the caller's
 * transaction, scoped to these tenants.
 */
export async function seedSampleCatalog(tx: Tx, tenantIds: string[]): Promise<void> {
  if (!tenantIds.length) return;
  await insertJsonRows(
    tx,
    collections,
    tenantIds.flatMap((tenantId) =>
      SAMPLE_COLLECTIONS.map((c, i) => ({ tenantId, ...c, sortOrder: i })),
    ),
    { onConflictDoNothing: true },
  );
  await insertJsonRows(
    tx,
    products,
    tenantIds.flatMap((tenantId) =>
      SAMPLE_PRODUCTS.map((p, i) => ({
        tenantId,
        handle: p.handle,
        title: p.title,
        description: p.description,
        images: sampleImages(p),
        isFeatured: p.isFeatured,
        isSample: true,
        sortOrder: i,
      })),
    ),
    { onConflictDoNothing: true },
  );
  // Driven by the tenants and looked up by (tenant_id, handle), never a scan of every store's
  // products: the cost stays per batch as the platform grows.
  const ids = `{${tenantIds.join(',')}}`;
  const variants = JSON.stringify(
    SAMPLE_PRODUCTS.map((p) => ({
      handle: p.handle,
      price_cents: p.priceCents,
      compare_at_price_cents: p.compareAtPriceCents ?? null,
      track_inventory: !p.inStock,
    })),
  );
  await tx.execute(sql`
    insert into product_variants (tenant_id, product_id, position, price_cents,
      compare_at_price_cents, inventory_quantity, track_inventory)
    select p.tenant_id, p.id, 0, v.price_cents, v.compare_at_price_cents, 0, v.track_inventory
    from unnest(${ids}::uuid[]) as t(id)
    cross join jsonb_to_recordset(${variants}::jsonb)
      as v(handle text, price_cents int, compare_at_price_cents int, track_inventory boolean)
    join products p on p.tenant_id = t.id and p.handle = v.handle
    where p.is_sample
    on conflict do nothing`);
  const memberships = JSON.stringify(
    SAMPLE_PRODUCTS.map((p, i) => ({ handle: p.handle, collection: p.collection, position: i })),
  );
  await tx.execute(sql`
    insert into collection_products (tenant_id, collection_id, product_id, position)
    select t.id, c.id, p.id, m.position
    from unnest(${ids}::uuid[]) as t(id)
    cross join jsonb_to_recordset(${memberships}::jsonb)
      as m(handle text, collection text, position int)
    join products p on p.tenant_id = t.id and p.handle = m.handle
    join collections c on c.tenant_id = t.id and c.handle = m.collection
    where p.is_sample
    on conflict do nothing`);
}
