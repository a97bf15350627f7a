import { eq } from 'drizzle-orm';
import {
  StoreRegionalSettings,
  type StoreSettings,
  type UpdateStoreSettingsBody,
} from '@orbit360/contracts';
import {
  leaveTenantScope,
  withTenant,
  type Db,
  type Executor,
} from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { renameMerchantStore } from '../merchants/index.js';
import { publishEvent } from '../realtime/index.js';
import { publishContentChange } from './content-events.js';
import { renameInSamplePages } from './seed-store-content.js';
import { storeProfiles } from './store-profiles.table.js';

type ProfileRow = typeof storeProfiles.$inferSelect;

const toSettings = (row: ProfileRow): StoreSettings => ({
  name: row.name,
  tagline: row.tagline,
  logoText: row.logoText,
  contactEmail: row.contactEmail,
  currency: row.currency,
  timezone: row.timezone,
  locale: row.locale,
  updatedAt: row.updatedAt.toISOString(),
});

const REGIONAL_FIELDS = ['currency', 'timezone', 'locale'] as const;
const regionalRule = StoreRegionalSettings.partial();

/**
 * The currency, time zone and locale to write: each one that changes must pass the shared
 * rule (`StoreRegionalSettings`); one equal to the stored value is kept as it is, since it may
 * predate the supported lists.
 */
function regionalChanges(input: UpdateStoreSettingsBody, row: ProfileRow) {
  const changed = Object.fromEntries(
    REGIONAL_FIELDS.filter((f) => input[f] !== undefined && input[f] !== row[f]).map((f) => [
      f,
      input[f],
    ]),
  );
  const parsed = regionalRule.safeParse(changed);
  if (parsed.success) return parsed.data;
  throw AppError.validation(
    parsed.error.issues.map((issue) => ({
      field: ['body', ...issue.path].join('.'),
      message: issue.message,
    })),
  );
}

async function readProfile(tx: Executor, tenantId: string) {
  const [row] = await tx.select().from(storeProfiles).where(eq(storeProfiles.tenantId, tenantId));
  if (!row) throw AppError.notFound('Store');
  return row;
}

export async function getStoreSettings(options: { db: Db; tenantId: string }) {
  return toSettings(
    await withTenant(options.db, options.tenantId, (tx) => readProfile(tx, options.tenantId)),
  );
}

/**
 * Updates a store's settings. A new currency, time zone or locale must be a supported one
 * (VALIDATION_FAILED naming `body.<field>` otherwise); the current value is always accepted.
 * The change, its audit entry and its `store.settings_updated` event commit together; every
 * instance then drops the store's cached pages. A new name also reaches the starter pages the
 * merchant never edited and the admin panel's merchant record, in the same transaction.
 */
export async function updateStoreSettings(options: {
  db: Db;
  tenantId: string;
  input: UpdateStoreSettingsBody;
  actor: { type: 'merchant' | 'admin'; id: string };
}): Promise<StoreSettings> {
  const { db, tenantId, input } = options;
  const fields = Object.keys(input);
  return withTenant(db, tenantId, async (tx) => {
    const current = await readProfile(tx, tenantId);
    const regional = regionalChanges(input, current);
    const [row] = await tx
      .update(storeProfiles)
      .set({ ...input, ...regional, updatedAt: new Date() })
      .where(eq(storeProfiles.tenantId, tenantId))
      .returning();
    const renamed = input.name !== undefined && input.name !== current.name;
    const rewrittenPages = renamed
      ? await renameInSamplePages(tx, { oldName: current.name, newName: row!.name })
      : [];
    await leaveTenantScope(tx);
    if (renamed) {
      const merchantId = await renameMerchantStore(tx, { tenantId, name: row!.name });
      if (merchantId) {
        await publishEvent(tx, 'merchant.renamed', { merchantId, storeName: row!.name });
      }
    }
    if (rewrittenPages.length > 0) {
      await publishContentChange(tx, options, {
        resource: 'page',
        action: 'updated',
        ids: rewrittenPages,
      });
    }
    await recordAudit(tx, {
      actor: options.actor,
      action: 'store.settings_updated',
      target: { type: 'store', id: tenantId },
      tenantId,
      data: { fields },
    });
    await publishEvent(tx, 'store.settings_updated', { fields }, { tenantId });
    return toSettings(row!);
  });
}
