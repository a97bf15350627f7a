import { and, eq, inArray } from 'drizzle-orm';
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

/**
 * Gives new stores their starter content: profile (if missing), pages, menus and the sample
 * catalog (owned by the catalog module, seeded through its entry) — a fixed number of set-based statements however many stores. Idempotent:
 * every row has a natural key per tenant and is inserted with ON CONFLICT DO NOTHING, so a
 * retried provisioning step creates nothing twice and never overwrites what the merchant
 * changed. Runs in the caller's transaction, scoped to these tenants.
 */
/** Plain text → escaped HTML paragraphs (blank line = paragraph, newline = <br>). */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

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
