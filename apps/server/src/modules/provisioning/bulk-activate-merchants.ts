import type { BulkActivateBody, BulkActivateResult } from '@orbit360/contracts';
import type { Db } from '../../platform/database/index.js';
import { activateMerchants } from './activate-merchant.js';
import type { ProvisioningActor } from './provisioning.table.js';
import { validateActivation } from './validate-activation.js';

/**
 * Activates several merchants with one theme and plan. The catalog is validated once (400 for
 * the whole request); then all of them are activated in one transaction, and each gets its
 * own result — accepted, already provisioned, not found, or rejected (e.g. suspended): one
 * merchant's problem never stops the others.
 */
export async function bulkActivateMerchants(options: {
  db: Db;
  body: BulkActivateBody;
  actor: ProvisioningActor;
}): Promise<BulkActivateResult[]> {
  const { db, body } = options;
  const request = { themeId: body.themeId, planId: body.planId };
  const valid = await validateActivation({ db, body: request });
  const ids = [...new Set(body.merchantIds)];
  const outcomes = await activateMerchants({
    db,
    requests: ids.map((merchantId) => ({ merchantId })),
    body: request,
    valid,
    actor: options.actor,
  });
  return ids.map((merchantId, i): BulkActivateResult => {
    const outcome = outcomes[i]!;
    if ('error' in outcome) {
      return {
        merchantId,
        result: outcome.error.code === 'NOT_FOUND' ? 'not_found' : 'rejected',
        provisioningId: null,
        status: null,
        message: outcome.error.message,
      };
    }
    return {
      merchantId,
      result: outcome.statusCode === 202 ? 'accepted' : 'already_provisioned',
      provisioningId: outcome.provisioningId,
      status: outcome.runStatus,
      message: null,
    };
  });
}
