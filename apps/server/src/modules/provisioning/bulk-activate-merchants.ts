import type { BulkActivateBody, BulkActivateResult } from '@orbit360/contracts';
import type { Db } from '../../platform/database/index.js';
import { isAppError } from '../../platform/errors.js';
import { activateMerchant } from './activate-merchant.js';
import type { ProvisioningActor } from './provisioning.table.js';
import { validateActivation } from './validate-activation.js';

/** Activations run a few at a time: enough to overlap round trips, not to hog the pool. */
const PARALLELISM = 4;

/**
 * Activates several merchants with one theme and plan. The catalog is validated once (400 for
 * the whole request); then each merchant gets its own result — accepted, already provisioned,
 * not found, or rejected (e.g. suspended) — and one merchant's problem never stops the others.
 */
export async function bulkActivateMerchants(options: {
  db: Db;
  body: BulkActivateBody;
  actor: ProvisioningActor;
}): Promise<BulkActivateResult[]> {
  const { db, body } = options;
  const valid = await validateActivation(db, { themeId: body.themeId, planId: body.planId });
  const ids = [...new Set(body.merchantIds)];
  const results = new Map<string, BulkActivateResult>();
  let cursor = 0;
  const worker = async () => {
    while (cursor < ids.length) {
      const merchantId = ids[cursor++]!;
      results.set(merchantId, await activateOne(merchantId));
    }
  };
  const activateOne = async (merchantId: string): Promise<BulkActivateResult> => {
    try {
      const { statusCode, status } = await activateMerchant({
        db,
        merchantId,
        body: { themeId: body.themeId, planId: body.planId },
        valid,
        actor: options.actor,
      });
      return {
        merchantId,
        result: statusCode === 202 ? 'accepted' : 'already_provisioned',
        provisioningId: status.id,
        status: status.status,
        message: null,
      };
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error;
      return {
        merchantId,
        result: error.code === 'NOT_FOUND' ? 'not_found' : 'rejected',
        provisioningId: null,
        status: null,
        message: error.message,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLELISM, ids.length) }, worker));
  return ids.map((id) => results.get(id)!);
}
