import { createOwnerAccount } from '../../auth/index.js';
import { createDashboardConfig } from '../../dashboard/index.js';
import { outputOf } from '../provisioning-state.js';
import { inTenantScope } from '../../../platform/database/index.js';
import { completeStep } from '../transitions.js';
import type { Step } from './step.js';

/**
 * Dashboard setup (40%): the owner account (role owner, no password yet — the welcome email
 * carries a one-time link to choose one), the default dashboard configuration and the
 * dashboard URL.
 */
export const setupDashboardStep: Step = {
  key: 'dashboard',
  async run({ ctx, faults, run, steps, owner: merchantOwner }) {
    const workspace = outputOf(steps, 'workspace')!;
    const tenantId = workspace.tenantId!;
    const dashboardUrl = `${ctx.config.platform.dashboardUrl}/?merchant=${workspace.merchantCode}`;
    return ctx.db.transaction(async (tx) => {
      const owner = await createOwnerAccount(tx, {
        tenantId,
        merchantId: run.merchantId,
        email: merchantOwner.email,
        name: merchantOwner.name,
      });
      await inTenantScope(tx, tenantId, (scoped) => createDashboardConfig(scoped, { tenantId }));
      await faults.hit('dashboard', run);
      const output = { dashboardUrl, ownerAccountId: owner.id };
      await completeStep(tx, { run, key: 'dashboard', tenantId, output });
      return output;
    });
  },
};
