import { createOwnerAccounts } from '../../auth/index.js';
import { createDashboardConfigs } from '../../dashboard/index.js';
import { inTenantScope, type Tx } from '../../../platform/database/index.js';
import { defineStep } from './step.js';

/**
 * Dashboard setup (40%): the owner account (role owner, no password yet — the welcome email
 * carries a one-time link to choose one), the default dashboard configuration and the
 * dashboard URL.
 */
export const setupDashboardStep = defineStep({
  key: 'dashboard',
  async work(step, runs) {
    const { ctx } = step;
    const tx = step.db as Tx;
    const workspaces = runs.map(({ outputs }) => outputs.workspace);
    const tenantIds = workspaces.map((w) => w.tenantId);
    {
      const owners = await createOwnerAccounts(
        tx,
        runs.map(({ run, owner }, i) => ({
          tenantId: tenantIds[i]!,
          merchantId: run.merchantId,
          email: owner.email,
          name: owner.name,
        })),
      );
      await inTenantScope(tx, tenantIds, (scoped) => createDashboardConfigs(scoped, tenantIds));
      return runs.map((_, i) => ({
        output: {
          dashboardUrl: `${ctx.config.platform.dashboardUrl}/?merchant=${workspaces[i]!.merchantCode}`,
          ownerAccountId: owners[i]!.id,
        },
      }));
    }
  },
});
