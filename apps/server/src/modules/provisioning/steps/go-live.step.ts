import type { Tx } from '../../../platform/database/index.js';
import { transitionMerchants } from '../../merchants/index.js';
import { markTenantsLive } from '../../tenants/index.js';
import { Superseded } from '../transitions.js';
import { defineStep } from './step.js';

/**
 * Go live (100%): the tenant is marked live (host routing serves it to everyone) with its
 * deployment metadata, the merchant becomes active (the merchants module's transition, its
 * audit entry and status event), the run completes — one transaction, then the events.
 */
export const goLiveStep = defineStep({
  key: 'golive',
  changesStorefront: true,
  async work(step, runs) {
    const tx = step.db as Tx;
    const deployments = runs.map(({ run, outputs }) => ({
      tenantId: outputs.workspace.tenantId,
      deployment: {
        provisioningId: run.id,
        merchantCode: outputs.workspace.merchantCode,
        namespace: outputs.workspace.namespace,
        websiteUrl: outputs.website.websiteUrl,
        dashboardUrl: outputs.dashboard.dashboardUrl,
        siteVersionId: outputs.website.siteVersionId ?? null,
      },
    }));
    await markTenantsLive(tx, deployments);
    const { changed, rejected, events } = await transitionMerchants(
      tx,
      runs.map(({ run }, i) => ({
        id: run.merchantId,
        from: 'provisioning' as const,
        to: 'active' as const,
        actor: { type: 'system' as const },
        tenantId: deployments[i]!.tenantId,
        auditData: { provisioningId: run.id, websiteUrl: deployments[i]!.deployment.websiteUrl },
      })),
      { publish: false },
    );
    // Not provisioning any more: another runner put it live and owns the rest of the run.
    if (rejected.length) throw new Superseded();
    const liveAt = new Map(changed.map((r) => [r.id, new Date(r.updatedAt)]));
    return runs.map(({ run }, i) => {
      const tenantId = deployments[i]!.tenantId;
      return {
        output: { liveAt: (liveAt.get(run.merchantId) ?? new Date()).toISOString() },
        events: () => [
          {
            type: 'provisioning.completed' as const,
            data: {
              merchantId: run.merchantId,
              provisioningId: run.id,
              durationMs: Date.now() - run.queuedAt.getTime(),
              websiteUrl: deployments[i]!.deployment.websiteUrl,
            },
            tenantId,
          },
          ...(events.get(run.merchantId) ?? []),
        ],
      };
    });
  },
});
