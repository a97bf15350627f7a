import { sql } from 'drizzle-orm';
import { APP_ROLE, isUuid, type Tx } from '../../platform/database/index.js';

/**
 * Runs tenant-owned writes inside a transaction that also writes platform tables: switches to
 * the application role with the tenant set (RLS applies, exactly as in `withTenant`), then
 * switches back, so the step can still update its own state and publish events in the same
 * transaction. Both switches are transaction-local.
 */
export async function inTenantScope<T>(
  tx: Tx,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (!isUuid(tenantId)) throw new Error('inTenantScope requires a tenant id (uuid)');
  await tx.execute(
    sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`,
  );
  const result = await work(tx);
  await tx.execute(
    sql`select set_config('role', 'none', true), set_config('app.tenant_id', '', true)`,
  );
  return result;
}
