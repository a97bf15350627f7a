import type { Tx } from '../../platform/database/index.js';
import { storeProfiles } from './store-profiles.table.js';

/**
 * Creates the store profile, or updates the given fields of an existing one. Fields left out
 * keep their value (or the column default on insert). Runs in the caller's `withTenant`
 * transaction; idempotent.
 */
export async function upsertStoreProfile(
  tx: Tx,
  options: {
    tenantId: string;
    name: string;
    currency?: string;
    timezone?: string;
    locale?: string;
    tagline?: string;
    contactEmail?: string;
  },
): Promise<void> {
  const { tenantId, ...fields } = options;
  const provided = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<typeof fields>;
  await tx
    .insert(storeProfiles)
    .values({ tenantId, ...provided, name: options.name })
    .onConflictDoUpdate({
      target: storeProfiles.tenantId,
      set: { ...provided, updatedAt: new Date() },
    });
}

/**
 * Creates the profiles (identity) of new stores; existing profiles are left as they are.
 * Currency, time zone and locale left out take the column defaults. One statement.
 */
export async function createStoreProfiles(
  tx: Tx,
  profiles: {
    tenantId: string;
    name: string;
    currency?: string;
    timezone?: string;
    locale?: string;
  }[],
): Promise<void> {
  await tx
    .insert(storeProfiles)
    .values(profiles)
    .onConflictDoNothing({ target: storeProfiles.tenantId });
}
