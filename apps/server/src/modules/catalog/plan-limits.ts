import { count, eq, ne } from 'drizzle-orm';
import type { PlanLimits } from '@orbit360/contracts';
import type { Executor, Tx } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { plans } from '../plans/index.js';
import { tenants } from '../tenants/index.js';
import { products } from './catalog.table.js';

/** The tenant's plan limits — a platform read, before the transaction enters the tenant scope. */
export async function planLimitsOf(tx: Executor, tenantId: string): Promise<PlanLimits> {
  const [row] = await tx
    .select({ limits: plans.limits })
    .from(tenants)
    .innerJoin(plans, eq(plans.id, tenants.planId))
    .where(eq(tenants.id, tenantId));
  if (!row) throw AppError.notFound('Store');
  return row.limits;
}

/** Products that count against the plan: every one not archived. In the tenant scope. */
export async function countedProducts(tx: Executor): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(products)
    .where(ne(products.status, 'archived'));
  return row!.n;
}

/**
 * 403 PLAN_LIMIT_REACHED when one more counted product would pass the plan's limit (null or
 * absent = unlimited). Callers hold the tenant's catalog lock, so the count cannot move.
 */
export async function assertProductSlot(tx: Tx, limits: PlanLimits) {
  const limit = limits.products ?? null;
  if (limit === null) return;
  const used = await countedProducts(tx);
  if (used >= limit) {
    throw new AppError(
      'PLAN_LIMIT_REACHED',
      `Your plan allows ${limit} products; archive or delete one, or upgrade your plan`,
      { limit, used, resource: 'products' },
    );
  }
}
