import { and, eq, inArray } from 'drizzle-orm';
import { insertJsonRows, type Tx } from '../../platform/database/index.js';
import { categories, products } from './catalog.table.js';
import { menus, pages } from './content.table.js';
import {
  SAMPLE_CATEGORIES,
  SAMPLE_PRODUCTS,
  SAMPLE_TAGLINE,
  productImages,
  sampleMenus,
  samplePages,
} from './sample-content.js';
import { storeProfiles } from './store-profiles.table.js';

export interface StoreToSeed {
  tenantId: string;
  storeName: string;
  currency: string;
}

/**
 * Gives new stores their starter content: profile (if missing), pages, menus, categories and
 * sample products — a fixed number of set-based statements however many stores. Idempotent:
 * every row has a natural key per tenant and is inserted with ON CONFLICT DO NOTHING, so a
 * retried provisioning step creates nothing twice and never overwrites what the merchant
 * changed. Runs in the caller's transaction, scoped to these tenants.
 */
export async function seedStoreContent(tx: Tx, stores: StoreToSeed[]): Promise<void> {
  const tenantIds = stores.map((s) => s.tenantId);
  await insertJsonRows(
    tx,
    storeProfiles,
    stores.map((s) => ({ tenantId: s.tenantId, name: s.storeName, currency: s.currency })),
    { onConflictDoNothing: { target: storeProfiles.tenantId } },
  );
  await tx
    .update(storeProfiles)
    .set({ tagline: SAMPLE_TAGLINE })
    .where(and(inArray(storeProfiles.tenantId, tenantIds), eq(storeProfiles.tagline, '')));

  await insertJsonRows(
    tx,
    categories,
    stores.flatMap((s) =>
      SAMPLE_CATEGORIES.map((c, i) => ({ tenantId: s.tenantId, ...c, sortOrder: i })),
    ),
    { onConflictDoNothing: true },
  );
  const categoryRows = await tx
    .select({ tenantId: categories.tenantId, id: categories.id, handle: categories.handle })
    .from(categories)
    .where(
      and(
        inArray(categories.tenantId, tenantIds),
        inArray(
          categories.handle,
          SAMPLE_CATEGORIES.map((c) => c.handle),
        ),
      ),
    );
  const categoryId = new Map(categoryRows.map((c) => [`${c.tenantId}/${c.handle}`, c.id]));

  await insertJsonRows(
    tx,
    products,
    stores.flatMap((s) =>
      SAMPLE_PRODUCTS.map((p, i) => ({
        tenantId: s.tenantId,
        handle: p.handle,
        title: p.title,
        description: p.description,
        priceCents: p.priceCents,
        compareAtPriceCents: p.compareAtPriceCents ?? null,
        currency: s.currency,
        images: productImages(p),
        categoryId: categoryId.get(`${s.tenantId}/${p.category}`) ?? null,
        isFeatured: p.isFeatured,
        inStock: p.inStock,
        sortOrder: i,
      })),
    ),
    { onConflictDoNothing: true },
  );
  await insertJsonRows(
    tx,
    pages,
    stores.flatMap((s) => samplePages(s.storeName).map((p) => ({ tenantId: s.tenantId, ...p }))),
    { onConflictDoNothing: true },
  );
  await insertJsonRows(
    tx,
    menus,
    stores.flatMap((s) => sampleMenus().map((m) => ({ tenantId: s.tenantId, ...m }))),
    { onConflictDoNothing: true },
  );
}
