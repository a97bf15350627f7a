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
 * Marks a tenant live (its website is served publicly) and records where and how it is
 * deployed. Idempotent: keeps the first live_at.
 */
export async function markTenantLive(
  db: Executor,
  input: { tenantId: string; deployment: TenantDeployment },
) {
  await db
    .update(tenants)
    .set({
      status: 'live',
      deployment: input.deployment,
      liveAt: sql`coalesce(${tenants.liveAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(eq(tenants.id, input.tenantId));
}
