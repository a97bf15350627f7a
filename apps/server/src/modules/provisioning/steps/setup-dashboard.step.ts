import { createOwnerAccounts } from '../../auth/index.js';
import { createDashboardConfigs } from '../../dashboard/index.js';
import { outputOf } from '../provisioning-state.js';
import { inTenantScope } from '../../../platform/database/index.js';
import { completeSteps, completionsOf } from '../transitions.js';
import { hitFaults, type Step } from './step.js';

/**
 * Dashboard setup (40%): the owner account (role owner, no password yet — the welcome email
 * carries a one-time link to choose one), the default dashboard configuration and the
 * dashboard URL.
 */
export const setupDashboardStep: Step = {
  key: 'dashboard',
  async run(deps, runs) {
    const { ctx } = deps;
    const workspaces = runs.map(({ steps }) => outputOf(steps, 'workspace')!);
    const tenantIds = workspaces.map((w) => w.tenantId!);
    return ctx.db.transaction(async (tx) => {
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
      await hitFaults(deps, 'dashboard', runs);
      const outputs = runs.map((_, i) => ({
        dashboardUrl: `${ctx.config.platform.dashboardUrl}/?merchant=${workspaces[i]!.merchantCode}`,
        ownerAccountId: owners[i]!.id,
      }));
      await completeSteps(tx, {
        key: 'dashboard',
        completions: completionsOf(runs, tenantIds, outputs),
      });
      return outputs;
    });
  },
};
