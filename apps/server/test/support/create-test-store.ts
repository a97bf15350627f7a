/**
 * Test factory: a merchant, its tenant and a store with seed content and (optionally) a
 * published site — built through the real use-cases, independently of provisioning.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ThemeSettings } from '@orbit360/contracts';
import type { AppContext } from '../../src/context.js';
import { withTenant } from '../../src/platform/database/index.js';
import { createOwnerAccounts } from '../../src/modules/auth/index.js';
import { seedOnboardingChecklists } from '../../src/modules/dashboard/index.js';
import { createMerchant, merchants } from '../../src/modules/merchants/index.js';
import { plans } from '../../src/modules/plans/index.js';
import { tenants } from '../../src/modules/tenants/index.js';
import { getThemeByKey } from '../../src/modules/themes/index.js';
import { publishSite } from '../../src/modules/storefront/index.js';
import { seedStoreContent, upsertStoreProfile } from '../../src/modules/stores/index.js';

export interface TestStore {
  tenantId: string;
  merchantId: string;
  slug: string;
  themeId: string;
  versionId?: string;
  /** The owner's account id (with `owner: true`): a session for it sees the overview. */
  ownerId?: string;
}

export async function createTestStore(
  ctx: AppContext,
  options: {
    storeName?: string;
    slug?: string;
    theme?: string;
    status?: 'provisioning' | 'live' | 'suspended';
    currency?: string;
    settings?: ThemeSettings;
    publish?: boolean;
    seed?: boolean;
    /** Also the owner's account and the dashboard's onboarding checklist, as provisioning makes them. */
    owner?: boolean;
  } = {},
): Promise<TestStore> {
  const { db } = ctx;
  const suffix = randomUUID().slice(0, 8);
  const slug = options.slug ?? `store-${suffix}`;
  const storeName = options.storeName ?? `Test Store ${suffix}`;
  const merchant = await createMerchant({
    db,
    input: {
      storeName,
      ownerName: 'Test Owner',
      email: `${slug}-${suffix}@example.test`,
      businessType: 'Other',
      country: 'US',
    },
  });
  const theme = await getThemeByKey({ db, key: options.theme ?? 'modern' });
  if (!theme) throw new Error(`no theme ${options.theme}`);
  const [plan] = await db.select({ id: plans.id }).from(plans).limit(1);
  const [tenant] = await db
    .insert(tenants)
    .values({
      merchantId: merchant.id,
      namespace: `tenant_${slug.replaceAll('-', '_')}`,
      slug,
      status: options.status ?? 'live',
      planId: plan!.id,
      themeId: theme.id,
    })
    .returning();
  const tenantId = tenant!.id;
  await db.update(merchants).set({ tenantId }).where(eq(merchants.id, merchant.id));
  const currency = options.currency ?? 'USD';
  await withTenant(db, tenantId, async (tx) => {
    await upsertStoreProfile(tx, { tenantId, name: storeName, currency });
    if (options.seed !== false) await seedStoreContent(tx, [{ tenantId, storeName, currency }]);
    if (options.owner) await seedOnboardingChecklists(tx, [tenantId]);
  });
  const [owner] = options.owner
    ? await createOwnerAccounts(db, [
        { tenantId, merchantId: merchant.id, email: `owner-${slug}@example.test`, name: 'Owner' },
      ])
    : [];
  let versionId: string | undefined;
  if (options.publish !== false) {
    ({ versionId } = await publishSite({
      db,
      tenantId,
      themeId: theme.id,
      settings: options.settings,
      actor: { type: 'system' },
    }));
  }
  return {
    tenantId,
    merchantId: merchant.id,
    slug,
    themeId: theme.id,
    versionId,
    ownerId: owner?.id,
  };
}

export async function setStoreStatus(
  ctx: AppContext,
  tenantId: string,
  status: 'provisioning' | 'live' | 'suspended',
) {
  await ctx.db.update(tenants).set({ status }).where(eq(tenants.id, tenantId));
  ctx.storefront.invalidateTenant(tenantId);
}
