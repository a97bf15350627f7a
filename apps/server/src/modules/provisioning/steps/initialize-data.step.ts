import { seedOnboardingChecklists } from '../../dashboard/index.js';
import { seedStoreContent } from '../../storefront/index.js';
import { outputOf } from '../provisioning-state.js';
import { inTenantScope } from '../../../platform/database/index.js';
import { completeSteps, completionsOf } from '../transitions.js';
import { hitFaults, type Step } from './step.js';

/**
 * Data initialization (80%): the store's starter content (default pages, navigation,
 * categories, sample products — the storefront's seed use-case) and the onboarding
 * checklist. Every write is idempotent by its natural key.
 */
export const initializeDataStep: Step = {
  key: 'data',
  changesStorefront: true,
  async run(deps, runs) {
    const tenantIds = runs.map(({ steps }) => outputOf(steps, 'workspace')!.tenantId!);
    return deps.ctx.db.transaction(async (tx) => {
      await inTenantScope(tx, tenantIds, async (scoped) => {
        await seedStoreContent(
          scoped,
          runs.map(({ run }, i) => ({
            tenantId: tenantIds[i]!,
            storeName: run.storeName,
            currency: run.settings.currency ?? 'USD',
          })),
        );
        await seedOnboardingChecklists(scoped, tenantIds);
      });
      await hitFaults(deps, 'data', runs);
      const outputs = runs.map(() => ({}));
      await completeSteps(tx, {
        key: 'data',
        completions: completionsOf(runs, tenantIds, outputs),
      });
      return outputs;
    });
  },
};
