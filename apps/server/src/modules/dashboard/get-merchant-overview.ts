import { and, asc, eq, sql } from 'drizzle-orm';
import type { MerchantOverview } from '@orbit360/contracts';
import type { DashboardDeps } from './dashboard.deps.js';
import { withTenant } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { merchantAccounts } from '../auth/index.js';
import type { MerchantPrincipal } from '../../platform/http/guards.js';
import { merchants } from '../merchants/index.js';
import { plans } from '../plans/index.js';
import { products } from '../catalog/index.js';
import { pages, storeProfiles } from '../stores/index.js';
import { tenants } from '../tenants/index.js';
import { themes } from '../themes/index.js';
import { onboardingTasks } from './dashboard.table.js';

/**
 * The merchant dashboard's overview, for the signed-in account's own tenant only: the
 * tenant comes from the token, never from the request. Tenant-owned rows are read through
 * `withTenant` (RLS).
 */
export async function getMerchantOverview(options: {
  ctx: Pick<DashboardDeps, 'db'>;
  principal: MerchantPrincipal;
}): Promise<MerchantOverview> {
  const { db } = options.ctx;
  const { principal } = options;
  const [row] = await db
    .select({
      account: merchantAccounts,
      merchant: merchants,
      tenant: tenants,
      plan: plans,
      theme: themes,
    })
    .from(merchantAccounts)
    .innerJoin(merchants, eq(merchants.id, merchantAccounts.merchantId))
    .innerJoin(tenants, eq(tenants.id, merchantAccounts.tenantId))
    .leftJoin(plans, eq(plans.id, tenants.planId))
    .leftJoin(themes, eq(themes.id, tenants.themeId))
    .where(
      and(eq(merchantAccounts.id, principal.id), eq(merchantAccounts.tenantId, principal.tenantId)),
    );
  if (!row) throw new AppError('UNAUTHENTICATED', 'This account no longer exists');
  const { account, merchant, tenant, plan, theme } = row;

  // One connection: its statements run one after another (never concurrently on a client).
  const { profile, tasks, facts } = await withTenant(db, tenant.id, async (tx) => ({
    profile: await tx.select().from(storeProfiles).where(eq(storeProfiles.tenantId, tenant.id)),
    tasks: await tx.select().from(onboardingTasks).orderBy(asc(onboardingTasks.position)),
    facts: (
      await tx.execute<{ ownProduct: boolean; reviewedPage: boolean }>(
        sql`select exists (select 1 from ${products} where not ${products.isSample}) as "ownProduct",
          exists (select 1 from ${pages} where not ${pages.isSample}) as "reviewedPage"`,
      )
    ).rows[0],
  }));
  const store = profile[0];
  // Derived from the store's data (ADR 062): a product of the merchant's own exists; a page is
  // the merchant's own (created, or a starter page they saved).
  const derivedDone: Record<string, boolean> = {
    set_password: account.passwordSetAt !== null,
    add_product: facts?.ownProduct === true,
    review_pages: facts?.reviewedPage === true,
  };
  const checklist = tasks.map((t) => ({
    key: t.key,
    label: t.label,
    description: t.description,
    isDone: t.doneAt !== null || derivedDone[t.key] === true,
  }));
  return {
    account: { id: account.id, email: account.email, name: account.name, role: account.role },
    merchant: {
      id: merchant.id,
      merchantCode: merchant.merchantCode,
      storeName: merchant.storeName,
      ownerName: merchant.ownerName,
      email: merchant.email,
      status: merchant.status,
    },
    store: {
      name: store?.name ?? merchant.storeName,
      slug: tenant.slug,
      status: tenant.status,
      websiteUrl: tenant.deployment?.websiteUrl ?? null,
      dashboardUrl: tenant.deployment?.dashboardUrl ?? null,
      currency: store?.currency ?? 'USD',
      timezone: store?.timezone ?? 'UTC',
      locale: store?.locale ?? 'en-US',
      liveAt: tenant.liveAt?.toISOString() ?? null,
    },
    plan: plan
      ? {
          id: plan.id,
          key: plan.key,
          name: plan.name,
          priceCents: plan.priceCents,
          currency: plan.currency,
          interval: plan.interval,
        }
      : null,
    theme: theme ? { id: theme.id, key: theme.key, name: theme.name } : null,
    onboarding: {
      completed: checklist.filter((t) => t.isDone).length,
      total: checklist.length,
      tasks: checklist,
    },
  };
}
