import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertJsonRows, type Tx } from '../../platform/database/index.js';
import { escapeHtml } from '../../platform/html.js';
import { seedSampleCatalog } from '../catalog/index.js';
import { menus, pages } from './content.table.js';
import { linkMenuUrls } from './menu-links.js';
import { SAMPLE_TAGLINE, sampleMenus, samplePages } from './sample-content.js';
import { storeProfiles } from './store-profiles.table.js';

export interface StoreToSeed {
  tenantId: string;
  storeName: string;
  currency: string;
}

/** Plain text → escaped HTML paragraphs (blank line = paragraph, newline = <br>). */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/**
 * Gives new stores their starter content: profile (if missing), pages, menus and the sample
 * catalog (owned by the catalog module, seeded through its entry) — a fixed number of set-based statements however many stores. Idempotent:
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

  await seedSampleCatalog(tx, tenantIds);
  await insertJsonRows(
    tx,
    pages,
    stores.flatMap((s) =>
      samplePages(s.storeName).map((p) => ({
        tenantId: s.tenantId,
        ...p,
        body: paragraphs(p.body),
        isSample: true,
      })),
    ),
    { onConflictDoNothing: true },
  );
  await insertJsonRows(
    tx,
    menus,
    stores.flatMap((s) => sampleMenus().map((m) => ({ tenantId: s.tenantId, ...m }))),
    { onConflictDoNothing: true },
  );
  await linkMenuUrls(tx, tenantIds);
}

/**
 * After a rename, the starter pages the merchant never edited say the new name: a page is
 * rewritten only while its body and SEO text are still exactly what seeding wrote for the old
 * name, so an edited page is never touched. One statement per starter page, in the caller's
 * tenant-scoped transaction; returns the ids of the pages rewritten.
 */
export async function renameInSamplePages(
  tx: Tx,
  options: { oldName: string; newName: string },
): Promise<string[]> {
  const before = samplePages(options.oldName);
  const after = samplePages(options.newName);
  const ids: string[] = [];
  for (const [i, page] of before.entries()) {
    const next = after[i]!;
    const rows = await tx
      .update(pages)
      .set({
        body: paragraphs(next.body),
        seoDescription: next.seoDescription,
        revision: sql`${pages.revision} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(pages.handle, page.handle),
          eq(pages.isSample, true),
          eq(pages.body, paragraphs(page.body)),
          eq(pages.seoDescription, page.seoDescription),
        ),
      )
      .returning({ id: pages.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
