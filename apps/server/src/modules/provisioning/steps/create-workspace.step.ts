import { attachWorkspaces } from '../../merchants/index.js';
import { createStoreProfiles } from '../../stores/index.js';
import { createTenants } from '../../tenants/index.js';
import { inTenantScope } from '../../../platform/database/index.js';
import type { Tx } from '../../../platform/database/index.js';
import { defineStep } from './step.js';

/** `merchant_<12 hex>`: derived from the merchant id, so a rerun derives the same one. */
export const merchantCodeFor = (merchantId: string) =>
  `merchant_${merchantId.replaceAll('-', '').slice(0, 12)}`;

/**
 * Workspace creation (25%): merchant code, tenant namespace, the tenant row with its plan
 * subscription (tenant.plan_id) and the store's identity (profile: name, currency, timezone,
 * locale) — the website step renders it.
 */
export const createWorkspaceStep = defineStep({
  key: 'workspace',
  async work(step, runs) {
    const tx = step.db as Tx;
    {
      const codes = runs.map(({ run }) => merchantCodeFor(run.merchantId));
      const tenants = await createTenants(
        tx,
        runs.map(({ run }, i) => ({
          merchantId: run.merchantId,
          namespace: `tenant_${codes[i]}`,
          planId: run.planId,
          themeId: run.themeId,
        })),
      );
      await attachWorkspaces(
        tx,
        runs.map(({ run }, i) => ({
          merchantId: run.merchantId,
          merchantCode: codes[i]!,
          tenantId: tenants[i]!.id,
          themeId: run.themeId,
          planId: run.planId,
        })),
      );
      const tenantIds = tenants.map((t) => t.id);
      await inTenantScope(tx, tenantIds, (scoped) =>
        createStoreProfiles(
          scoped,
          runs.map(({ run }, i) => ({
            tenantId: tenantIds[i]!,
            name: run.storeName,
            currency: run.settings.currency,
            timezone: run.settings.timezone,
            locale: run.settings.locale,
          })),
        ),
      );
      return runs.map((_, i) => ({
        tenantId: tenantIds[i]!,
        output: {
          tenantId: tenantIds[i]!,
          merchantCode: codes[i]!,
          namespace: tenants[i]!.namespace,
        },
      }));
    }
  },
});
