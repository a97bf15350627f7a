import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/database/index.js';
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

/**
 * Gives a new store its starter content: profile (if missing), pages, menus, categories and
 * sample products. Idempotent — every row has a natural key per tenant and is inserted with
 * ON CONFLICT DO NOTHING, so a retried provisioning step creates nothing twice and never
 * overwrites what the merchant changed. Runs in the caller's `withTenant` transaction.
 */
export async function seedStoreContent(
  tx: Tx,
  options: { tenantId: string; storeName: string; currency: string },
): Promise<void> {
  const { tenantId, storeName, currency } = options;
  await tx
    .insert(storeProfiles)
    .values({ tenantId, name: storeName, currency })
    .onConflictDoNothing({ target: storeProfiles.tenantId });
  await tx
    .update(storeProfiles)
    .set({ tagline: SAMPLE_TAGLINE })
    .where(and(eq(storeProfiles.tenantId, tenantId), eq(storeProfiles.tagline, '')));

  await tx
    .insert(categories)
    .values(SAMPLE_CATEGORIES.map((c, i) => ({ tenantId, ...c, sortOrder: i })))
    .onConflictDoNothing({ target: [categories.tenantId, categories.handle] });
  const categoryRows = await tx
    .select({ id: categories.id, handle: categories.handle })
    .from(categories)
    .where(
      and(
        eq(categories.tenantId, tenantId),
        inArray(
          categories.handle,
          SAMPLE_CATEGORIES.map((c) => c.handle),
        ),
      ),
    );
  const categoryId = new Map(categoryRows.map((c) => [c.handle, c.id]));

  await tx
    .insert(products)
    .values(
      SAMPLE_PRODUCTS.map((p, i) => ({
        tenantId,
        handle: p.handle,
        title: p.title,
        description: p.description,
        priceCents: p.priceCents,
        compareAtPriceCents: p.compareAtPriceCents ?? null,
        currency,
        images: productImages(p),
        categoryId: categoryId.get(p.category) ?? null,
        isFeatured: p.isFeatured,
        inStock: p.inStock,
        sortOrder: i,
      })),
    )
    .onConflictDoNothing({ target: [products.tenantId, products.handle] });

  await tx
    .insert(pages)
    .values(samplePages(storeName).map((p) => ({ tenantId, ...p })))
    .onConflictDoNothing({ target: [pages.tenantId, pages.handle] });

  await tx
    .insert(menus)
    .values(sampleMenus().map((m) => ({ tenantId, ...m })))
    .onConflictDoNothing({ target: [menus.tenantId, menus.handle] });
}
