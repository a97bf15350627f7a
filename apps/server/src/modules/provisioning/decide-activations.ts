import type { MerchantStatus, ProvisioningStatus } from '@orbit360/contracts';
import { AppError } from '../../platform/errors.js';

export interface ActivationRequest {
  merchantId: string;
  /** A single request's Idempotency-Key (bulk activations have none). */
  idempotencyKey?: string;
}

/** What became of one activation request: started (202), replayed (202), existing (200), or refused. */
export type ActivationOutcome =
  | {
      statusCode: 200 | 202;
      provisioningId: string;
      /** The run's status value; the whole status when this request created the run. */
      runStatus: ProvisioningStatus['status'];
      status?: ProvisioningStatus;
    }
  | { error: AppError };

/** A merchant's existing run, as far as activation needs it. */
export interface ExistingRun {
  id: string;
  status: ProvisioningStatus['status'];
  idempotencyKey: string | null;
  requestHash: string | null;
}

export const slugTaken = () =>
  new AppError('CONFLICT', 'This website address is already taken', {
    fields: [{ field: 'body.settings.slug', message: 'is already taken' }],
  });

/**
 * The activation decision, without I/O: per request (in order) either its outcome — the
 * existing run (200, or 202 when the same Idempotency-Key replays it), a refusal (unknown,
 * same key with another body, suspended, not pending, slug taken) — or `'create'`. The same
 * merchant twice in one bulk request: the first creates, the rest see that run.
 */
export function decideActivations(input: {
  requests: ActivationRequest[];
  /** The locked merchants' statuses by id (absent: no such merchant). */
  merchantStatus: ReadonlyMap<string, MerchantStatus>;
  existingRuns: ReadonlyMap<string, ExistingRun>;
  requestHash: string;
  slugIsTaken: boolean;
}): (ActivationOutcome | 'create')[] {
  const runByMerchant = new Map(input.existingRuns);
  return input.requests.map((request): ActivationOutcome | 'create' => {
    const status = input.merchantStatus.get(request.merchantId);
    if (!status) return { error: AppError.notFound('Merchant') };
    const existing = runByMerchant.get(request.merchantId);
    if (existing) {
      if (request.idempotencyKey && existing.idempotencyKey === request.idempotencyKey) {
        if (existing.requestHash !== input.requestHash) {
          return {
            error: new AppError(
              'CONFLICT',
              'This Idempotency-Key was already used with a different request',
            ),
          };
        }
        return { statusCode: 202, provisioningId: existing.id, runStatus: existing.status };
      }
      return { statusCode: 200, provisioningId: existing.id, runStatus: existing.status };
    }
    if (status === 'suspended') {
      return { error: new AppError('CONFLICT', 'This merchant is suspended; reactivate it first') };
    }
    if (status !== 'pending') {
      return {
        error: new AppError('CONFLICT', `This merchant cannot be activated (status: ${status})`),
      };
    }
    if (input.slugIsTaken) return { error: slugTaken() };
    runByMerchant.set(request.merchantId, {
      id: '',
      status: 'queued',
      idempotencyKey: request.idempotencyKey ?? null,
      requestHash: input.requestHash,
    });
    return 'create';
  });
}
