import { sql } from 'drizzle-orm';
import { merchants } from '../../merchants/index.js';
import { createStoreProfiles } from '../../storefront/index.js';
import { createTenants } from '../../tenants/index.js';
import { inTenantScope } from '../../../platform/database/index.js';
import { completeSteps, completionsOf } from '../transitions.js';
import { hitFaults, type Step } from './step.js';

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
  async run(deps, runs) {
    const { ctx } = deps;
    return ctx.db.transaction(async (tx) => {
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
      const attach = JSON.stringify(
        runs.map(({ run }, i) => ({
          id: run.merchantId,
          merchant_code: codes[i],
          tenant_id: tenants[i]!.id,
          theme_id: run.themeId,
          plan_id: run.planId,
        })),
      );
      await tx.execute(sql`
        update ${merchants} m set merchant_code = i.merchant_code, tenant_id = i.tenant_id,
          theme_id = i.theme_id, plan_id = i.plan_id, updated_at = now()
        from jsonb_to_recordset(${attach}::jsonb)
          as i(id uuid, merchant_code text, tenant_id uuid, theme_id uuid, plan_id uuid)
        where m.id = i.id`);
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
      await hitFaults(deps, 'workspace', runs);
      const outputs = runs.map((_, i) => ({
        tenantId: tenantIds[i]!,
        merchantCode: codes[i]!,
        namespace: tenants[i]!.namespace,
      }));
      await completeSteps(tx, {
        key: 'workspace',
        completions: completionsOf(runs, tenantIds, outputs),
      });
      return outputs;
    });
  },
};
