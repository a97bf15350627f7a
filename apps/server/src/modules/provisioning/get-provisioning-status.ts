import type { ProvisioningStatus } from '@orbit360/contracts';
import { isUuid, type Executor } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { loadRun, toProvisioningStatus } from './provisioning-state.js';

/** The provisioning of a merchant; 404 when the merchant was never activated. */
export async function getProvisioningStatus(options: {
  db: Executor;
  merchantId: string;
}): Promise<ProvisioningStatus> {
  if (!isUuid(options.merchantId)) throw AppError.notFound('Provisioning');
  const state = await loadRun(options.db, { merchantId: options.merchantId });
  if (!state) throw AppError.notFound('Provisioning');
  return toProvisioningStatus(state.run, state.steps);
}
