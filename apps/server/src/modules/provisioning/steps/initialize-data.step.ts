import { seedOnboardingChecklists } from '../../dashboard/index.js';
import { seedStoreContent } from '../../stores/index.js';
import { inTenantScope, type Tx } from '../../../platform/database/index.js';
import { defineStep } from './step.js';

/**
 * Data initialization (80%): the store's starter content (default pages, navigation,
 * categories, sample products — the storefront's seed use-case) and the onboarding
 * checklist. Every write is idempotent by its natural key.
 */
export const initializeDataStep = defineStep({
  key: 'data',
  changesStorefront: true,
  async work(step, runs) {
    const tx = step.db as Tx;
    const tenantIds = runs.map(({ outputs }) => outputs.workspace.tenantId);
    {
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
      return runs.map(() => ({ output: {} }));
    }
  },
});
