import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/index.js';
import { tenants, type TenantDeployment, type TENANT_STATUSES } from './tenants.table.js';

export type TenantStatus = (typeof TENANT_STATUSES)[number];

/** Changes a tenant's status (host routing serves only `live` tenants). */
export async function setTenantStatus(
  db: Executor,
  input: { tenantId: string; status: TenantStatus },
) {
  await db
    .update(tenants)
    .set({ status: input.status, updatedAt: sql`now()` })
    .where(eq(tenants.id, input.tenantId));
}

/**
 * Marks tenants live (their websites are served publicly) and records where and how each is
 * deployed. One statement for all; idempotent: keeps the first live_at.
 */
export async function markTenantsLive(
  db: Executor,
  inputs: { tenantId: string; deployment: TenantDeployment }[],
) {
  const rows = JSON.stringify(inputs.map((i) => ({ id: i.tenantId, deployment: i.deployment })));
  await db.execute(sql`
    update ${tenants} t set status = 'live', deployment = i.deployment,
      live_at = coalesce(t.live_at, now()), updated_at = now()
    from jsonb_to_recordset(${rows}::jsonb) as i(id uuid, deployment jsonb)
    where t.id = i.id`);
}
