import { sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.js';
import { merchants } from '../../merchants/index.js';
import { markTenantsLive } from '../../tenants/index.js';
import { outputOf } from '../provisioning-state.js';
import { completeSteps } from '../transitions.js';
import { hitFaults, type Step } from './step.js';

/**
 * Go live (100%): the tenant is marked live (host routing serves it to everyone) with its
 * deployment metadata, the merchant becomes active, the run completes — one transaction,
 * then the events.
 */
export const goLiveStep: Step = {
  key: 'golive',
  changesStorefront: true,
  async run(deps, runs) {
    const deployments = runs.map(({ run, steps }) => {
      const workspace = outputOf(steps, 'workspace')!;
      const website = outputOf(steps, 'website')!;
      return {
        tenantId: workspace.tenantId!,
        deployment: {
          provisioningId: run.id,
          merchantCode: workspace.merchantCode!,
          namespace: workspace.namespace!,
          websiteUrl: website.websiteUrl!,
          dashboardUrl: outputOf(steps, 'dashboard')!.dashboardUrl!,
          siteVersionId: website.siteVersionId ?? null,
        },
      };
    });
    return deps.ctx.db.transaction(async (tx) => {
      await markTenantsLive(tx, deployments);
      const merchantIds = runs.map(({ run }) => run.merchantId).join(',');
      const activated = await tx.execute<{ id: string; updated_at: Date }>(sql`
        update ${merchants} set status = 'active', updated_at = now()
        where id = any(string_to_array(${merchantIds}, ',')::uuid[])
        returning id, updated_at`);
      const liveAt = new Map(activated.rows.map((r) => [r.id, new Date(r.updated_at)]));
      await recordAudit(
        tx,
        runs.map(({ run }, i) => ({
          actor: { type: 'system' as const },
          action: 'merchant.activated',
          target: { type: 'merchant', id: run.merchantId },
          tenantId: deployments[i]!.tenantId,
          data: { provisioningId: run.id, websiteUrl: deployments[i]!.deployment.websiteUrl },
        })),
      );
      await hitFaults(deps, 'golive', runs);
      const outputs = runs.map(({ run }) => ({
        liveAt: (liveAt.get(run.merchantId) ?? new Date()).toISOString(),
      }));
      await completeSteps(tx, {
        key: 'golive',
        completions: runs.map(({ run }, i) => {
          const tenantId = deployments[i]!.tenantId;
          const ids = { merchantId: run.merchantId, provisioningId: run.id };
          return {
            run,
            tenantId,
            output: outputs[i]!,
            events: [
              {
                type: 'provisioning.completed' as const,
                data: {
                  ...ids,
                  durationMs: Date.now() - run.queuedAt.getTime(),
                  websiteUrl: deployments[i]!.deployment.websiteUrl,
                },
                tenantId,
              },
              {
                type: 'merchant.status_changed' as const,
                data: { merchantId: run.merchantId, status: 'active', previous: 'provisioning' },
                tenantId,
              },
            ],
          };
        }),
      });
      return outputs;
    });
  },
};
