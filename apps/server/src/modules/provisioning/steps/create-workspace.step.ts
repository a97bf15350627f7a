import { eq, sql } from 'drizzle-orm';
import { merchants } from '../../merchants/index.js';
import { upsertStoreProfile } from '../../storefront/index.js';
import { createTenant } from '../../tenants/index.js';
import { inTenantScope } from '../../../platform/database/index.js';
import { completeStep } from '../transitions.js';
import type { Step } from './step.js';

/** `merchant_<12 hex>`: derived from the merchant id, so a rerun derives the same one. */
export const merchantCodeFor = (merchantId: string) =>
  `merchant_${merchantId.replaceAll('-', '').slice(0, 12)}`;

/**
 * Workspace creation (25%): merchant code, tenant namespace, the tenant row with its plan
 * subscription (tenant.plan_id) and the store's identity (profile: name, currency, timezone,
 * locale) — the website step renders it.
 */
export const createWorkspaceStep: Step = {
  key: 'workspace',
  async run({ ctx, faults, run }) {
    const merchantCode = merchantCodeFor(run.merchantId);
    const namespace = `tenant_${merchantCode}`;
    return ctx.db.transaction(async (tx) => {
      const tenant = await createTenant(tx, {
        merchantId: run.merchantId,
        namespace,
        planId: run.planId,
        themeId: run.themeId,
      });
      await tx
        .update(merchants)
        .set({
          merchantCode,
          tenantId: tenant.id,
          themeId: run.themeId,
          planId: run.planId,
          updatedAt: sql`now()`,
        })
        .where(eq(merchants.id, run.merchantId));
      await inTenantScope(tx, tenant.id, (scoped) =>
        upsertStoreProfile(scoped, {
          tenantId: tenant.id,
          name: run.storeName,
          currency: run.settings.currency,
          timezone: run.settings.timezone,
          locale: run.settings.locale,
        }),
      );
      await faults.hit('workspace', run);
      const output = { tenantId: tenant.id, merchantCode, namespace };
      await completeStep(tx, { run, key: 'workspace', tenantId: tenant.id, output });
      return output;
    });
  },
};
