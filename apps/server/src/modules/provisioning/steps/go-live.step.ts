import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.js';
import { merchants } from '../../merchants/index.js';
import { markTenantLive } from '../../tenants/index.js';
import { outputOf } from '../provisioning-state.js';
import { completeStep } from '../transitions.js';
import type { Step } from './step.js';

/**
 * Go live (100%): the tenant is marked live (host routing serves it to everyone) with its
 * deployment metadata, the merchant becomes active, the run completes — one transaction,
 * then the events.
 */
export const goLiveStep: Step = {
  key: 'golive',
  changesStorefront: true,
  async run({ ctx, faults, run, steps }) {
    const workspace = outputOf(steps, 'workspace')!;
    const website = outputOf(steps, 'website')!;
    const tenantId = workspace.tenantId!;
    return ctx.db.transaction(async (tx) => {
      await markTenantLive(tx, {
        tenantId,
        deployment: {
          provisioningId: run.id,
          merchantCode: workspace.merchantCode!,
          namespace: workspace.namespace!,
          websiteUrl: website.websiteUrl!,
          dashboardUrl: outputOf(steps, 'dashboard')!.dashboardUrl!,
          siteVersionId: website.siteVersionId ?? null,
        },
      });
      const [merchant] = await tx
        .update(merchants)
        .set({ status: 'active', updatedAt: sql`now()` })
        .where(eq(merchants.id, run.merchantId))
        .returning({ updatedAt: merchants.updatedAt });
      await recordAudit(tx, {
        actor: { type: 'system' },
        action: 'merchant.activated',
        target: { type: 'merchant', id: run.merchantId },
        tenantId,
        data: { provisioningId: run.id, websiteUrl: website.websiteUrl },
      });
      await faults.hit('golive', run);
      const output = { liveAt: merchant!.updatedAt.toISOString() };
      const ids = { merchantId: run.merchantId, provisioningId: run.id };
      await completeStep(tx, {
        run,
        key: 'golive',
        tenantId,
        output,
        events: [
          {
            type: 'provisioning.completed',
            data: { ...ids, durationMs: Date.now() - run.queuedAt.getTime() },
            tenantId,
          },
          {
            type: 'merchant.status_changed',
            data: { merchantId: run.merchantId, status: 'active', previous: 'provisioning' },
            tenantId,
          },
        ],
      });
      return output;
    });
  },
};
