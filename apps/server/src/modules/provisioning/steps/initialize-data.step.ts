import { seedOnboardingChecklist } from '../../dashboard/index.js';
import { seedStoreContent } from '../../storefront/index.js';
import { outputOf } from '../provisioning-state.js';
import { inTenantScope } from '../../../platform/database/index.js';
import { completeStep } from '../transitions.js';
import type { Step } from './step.js';

/**
 * Data initialization (80%): the store's starter content (default pages, navigation,
 * categories, sample products — the storefront's seed use-case) and the onboarding
 * checklist. Every write is idempotent by its natural key.
 */
export const initializeDataStep: Step = {
  key: 'data',
  changesStorefront: true,
  async run({ ctx, faults, run, steps }) {
    const workspace = outputOf(steps, 'workspace')!;
    const tenantId = workspace.tenantId!;
    return ctx.db.transaction(async (tx) => {
      await inTenantScope(tx, tenantId, async (scoped) => {
        await seedStoreContent(scoped, {
          tenantId,
          storeName: run.storeName,
          currency: run.settings.currency ?? 'USD',
        });
        await seedOnboardingChecklist(scoped, { tenantId });
      });
      await faults.hit('data', run);
      const output = {};
      await completeStep(tx, { run, key: 'data', tenantId, output });
      return output;
    });
  },
};
