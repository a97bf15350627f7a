import { eq } from 'drizzle-orm';
import type { StoreSettings, UpdateStoreSettingsBody } from '@orbit360/contracts';
import {
  leaveTenantScope,
  withTenant,
  type Db,
  type Executor,
} from '../../platform/database/index.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';
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

/** Values the schema cannot judge: a real IANA zone, a real BCP 47 tag, a known currency. */
function settingsIssues(input: UpdateStoreSettingsBody): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (field: string, isValid: () => unknown, message: string) => {
    try {
      isValid();
    } catch {
      issues.push({ field: `body.${field}`, message });
    }
  };
  if (input.timezone) {
    const zone = input.timezone;
    check(
      'timezone',
      () => new Intl.DateTimeFormat('en-US', { timeZone: zone }),
      'is not a known time zone',
    );
  }
  if (input.locale) {
    const locale = input.locale;
    check('locale', () => Intl.getCanonicalLocales(locale), 'is not a valid locale tag');
  }
  if (input.currency) {
    const currency = input.currency;
    check(
      'currency',
      () => new Intl.NumberFormat('en-US', { style: 'currency', currency }),
      'is not a known currency',
    );
  }
  return issues;
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
 * Updates a store's settings. The change, its audit entry and its `store.settings_updated`
 * event commit together; every instance then drops the store's cached pages.
 */
export async function updateStoreSettings(options: {
  db: Db;
  tenantId: string;
  input: UpdateStoreSettingsBody;
  actor: { type: 'merchant' | 'admin'; id: string };
}): Promise<StoreSettings> {
  const { db, tenantId, input } = options;
  const issues = settingsIssues(input);
  if (issues.length) throw AppError.validation(issues);
  const fields = Object.keys(input);
  return withTenant(db, tenantId, async (tx) => {
    await readProfile(tx, tenantId);
    const [row] = await tx
      .update(storeProfiles)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(storeProfiles.tenantId, tenantId))
      .returning();
    await leaveTenantScope(tx);
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
