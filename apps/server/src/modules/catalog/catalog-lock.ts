import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/database/index.js';

/** Advisory-lock class of a tenant's catalog writes (the second key is the tenant's hash). */
const CATALOG_LOCK_CLASS = 3_601_016;

/**
 * Serialises the catalog writes of one tenant that must see each other: plan-limit checks
 * (20 concurrent creates at limit − 1 give exactly one success) and generated handles.
 * Transaction-scoped; other tenants are not blocked (a hash collision only serialises two).
 */
export async function lockTenantCatalog(tx: Tx, tenantId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${CATALOG_LOCK_CLASS}, hashtext(${tenantId}))`);
}
