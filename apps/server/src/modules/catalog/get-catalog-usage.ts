import { count, eq } from 'drizzle-orm';
import type { CatalogUsage } from '@orbit360/contracts';
import { inTenantScope } from '../../platform/database/index.js';
import { merchantAccounts } from '../auth/index.js';
import type { TenantScope } from './catalog-deps.js';
import { countedProducts, planLimitsOf } from './plan-limits.js';

/**
 * The store's usage against its plan. Storage is 0 until media uploads exist (the media
 * slice); staff accounts are the store's merchant accounts (today: its owner).
 */
export async function getCatalogUsage(options: TenantScope): Promise<CatalogUsage> {
  const { db, tenantId } = options;
  return db.transaction(async (tx) => {
    const limits = await planLimitsOf(tx, tenantId);
    const [staff] = await tx
      .select({ n: count() })
      .from(merchantAccounts)
      .where(eq(merchantAccounts.tenantId, tenantId));
    const used = await inTenantScope(tx, tenantId, (tx) => countedProducts(tx));
    return {
      products: { used, limit: limits.products ?? null },
      storageMb: { used: 0, limit: limits.storageMb ?? null },
      staffAccounts: { used: staff!.n, limit: limits.staffAccounts ?? null },
    };
  });
}
