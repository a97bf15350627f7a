import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import {
  PROVISIONING_STEPS,
  type ActivateMerchantBody,
  type ProvisioningStatus,
} from '@orbit360/contracts';
import { insertJsonRowsReturning, isUuid, type Db } from '../../platform/database/index.js';
import { AppError, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/errors.js';
import { enqueueJobs } from '../../platform/queue.js';
import { lockMerchants, transitionMerchants } from '../merchants/index.js';
import {
  decideActivations,
  slugTaken,
  type ActivationOutcome,
  type ActivationRequest,
} from './decide-activations.js';
import { loadRun, toProvisioningStatus } from './provisioning-state.js';
import { provisioningSteps, provisionings, type ProvisioningActor } from './provisioning.table.js';
import { RUN_PROVISIONING_TASK } from './run-provisioning.js';
import { isSlugTaken } from './slugs.js';
import { validateActivation, type ValidActivation } from './validate-activation.js';

export interface ActivationResult {
  /** 202: this request started the provisioning (or replays the request that did); 200: it existed. */
  statusCode: 200 | 202;
  status: ProvisioningStatus;
}

const canonicalJson = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonicalJson).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map(
            (k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`,
          )
          .join(',')}}`
      : JSON.stringify(value);

export const requestHashOf = (body: unknown) =>
  createHash('sha256').update(canonicalJson(body)).digest('hex');

function violatedConstraint(error: unknown): string | undefined {
  for (let e = error as { constraint?: string; cause?: unknown } | undefined; e;) {
    if (typeof e.constraint === 'string') return e.constraint;
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * Starts the provisioning of merchants — each at most once — with one validated theme, plan
 * and settings, in one transaction with a fixed number of statements however many merchants
 * (a bulk activation is one transaction, not one per merchant). Under locks on the merchant
 * rows (taken in id order, so concurrent activations cannot deadlock) each request either
 * gets the existing provisioning (200; or 202 when the same Idempotency-Key replays the
 * request that created it), a refusal (unknown, suspended, not pending, slug taken), or a
 * new run: its six steps, its job, the merchant marked `provisioning`, audit and events —
 * all committed together, so a job exists if and only if its merchant is provisioning.
 */
export async function activateMerchants(options: {
  db: Db;
  requests: ActivationRequest[];
  body: ActivateMerchantBody;
  valid: ValidActivation;
  actor: ProvisioningActor;
}): Promise<ActivationOutcome[]> {
  const { db, valid, requests } = options;
  const requestHash = requestHashOf({
    themeId: options.body.themeId,
    planId: options.body.planId,
    settings: options.body.settings ?? {},
  });
  const ids = [...new Set(requests.map((r) => r.merchantId).filter(isUuid))].sort();
  const outcomes = await db.transaction(async (tx) => {
    // Lock first, then read the runs: a read joined into the locking query would see the
    // snapshot from before the lock wait, missing a run created by the request we waited for.
    const found = await lockMerchants(tx, ids);
    const existingRuns = ids.length
      ? await tx
          .select({
            id: provisionings.id,
            merchantId: provisionings.merchantId,
            status: provisionings.status,
            idempotencyKey: provisionings.idempotencyKey,
            requestHash: provisionings.requestHash,
          })
          .from(provisionings)
          .where(inArray(provisionings.merchantId, ids))
      : [];
    const merchantById = new Map(found.map((m) => [m.id, m]));
    const slug = valid.settings.slug ?? null;
    const decided = decideActivations({
      requests,
      merchantStatus: new Map(found.map((m) => [m.id, m.status])),
      existingRuns: new Map(existingRuns.map((r) => [r.merchantId, r])),
      requestHash,
      slugIsTaken: slug !== null && (await isSlugTaken(tx, slug)),
    });
    const toCreate = requests.filter((_, i) => decided[i] === 'create');
    if (!toCreate.length) return decided as ActivationOutcome[];

    // Thousands of values in a bulk activation: sent as one JSON document each.
    const runs = await insertJsonRowsReturning(
      tx,
      provisionings,
      toCreate.map((request) => ({
        merchantId: request.merchantId,
        themeId: valid.theme.id,
        planId: valid.plan.id,
        storeName: valid.settings.storeName ?? merchantById.get(request.merchantId)!.storeName,
        settings: valid.settings,
        slug,
        idempotencyKey: request.idempotencyKey ?? null,
        requestHash,
        requestedBy: options.actor,
      })),
    );
    const steps = await insertJsonRowsReturning(
      tx,
      provisioningSteps,
      runs.flatMap((run) =>
        PROVISIONING_STEPS.map((step, position) => ({
          provisioningId: run.id,
          key: step.key,
          position,
        })),
      ),
    );
    await enqueueJobs(
      tx,
      runs.map((run) => ({
        task: RUN_PROVISIONING_TASK,
        payload: { provisioningId: run.id },
        jobKey: `provisioning:${run.id}`,
        maxAttempts: 10,
      })),
    );
    // The merchants module writes the status, its audit entry and its events.
    await transitionMerchants(
      tx,
      runs.map((run) => ({
        id: run.merchantId,
        from: 'pending' as const,
        to: 'provisioning' as const,
        actor: options.actor,
        tenantId: null,
        assign: { themeId: valid.theme.id, planId: valid.plan.id },
        auditData: {
          provisioningId: run.id,
          themeId: valid.theme.id,
          planId: valid.plan.id,
          settings: valid.settings,
        },
        events: [
          {
            type: 'provisioning.queued' as const,
            data: { merchantId: run.merchantId, provisioningId: run.id },
          },
        ],
      })),
    );
    const stepsOf = new Map<string, typeof steps>();
    for (const step of steps) {
      const list = stepsOf.get(step.provisioningId);
      if (list) list.push(step);
      else stepsOf.set(step.provisioningId, [step]);
    }
    const createdByMerchant = new Map(
      runs.map((run) => [run.merchantId, toProvisioningStatus(run, stepsOf.get(run.id) ?? [])]),
    );
    const started = new Set<string>();
    return requests.map((request, i): ActivationOutcome => {
      const outcome = decided[i]!;
      if (outcome !== 'create') return outcome;
      const status = createdByMerchant.get(request.merchantId)!;
      const ids = { provisioningId: status.id, runStatus: status.status };
      if (started.has(request.merchantId)) return { statusCode: 200, ...ids };
      started.add(request.merchantId);
      return { statusCode: 202, ...ids, status };
    });
  });
  // Requests with a non-uuid id were never looked up.
  return requests.map((request, i) =>
    isUuid(request.merchantId) ? outcomes[i]! : { error: AppError.notFound('Merchant') },
  );
}

/**
 * One merchant's activation: the body is checked against the catalog (`validateActivation`,
 * 400 with every problem), then `activateMerchants` with one request; refusals are thrown.
 */
export async function activateMerchant(options: {
  db: Db;
  merchantId: string;
  body: ActivateMerchantBody;
  idempotencyKey?: string;
  actor: ProvisioningActor;
}): Promise<ActivationResult> {
  const { db, merchantId } = options;
  const valid = await validateActivation({ db, body: options.body });
  if (!isUuid(merchantId)) throw AppError.notFound('Merchant');
  let outcome: ActivationOutcome;
  try {
    [outcome] = (await activateMerchants({
      db,
      requests: [{ merchantId, idempotencyKey: options.idempotencyKey }],
      body: options.body,
      valid,
      actor: options.actor,
    })) as [ActivationOutcome];
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && violatedConstraint(error)?.includes('slug')) {
      throw slugTaken();
    }
    throw error;
  }
  if ('error' in outcome) throw outcome.error;
  if (outcome.status) return { statusCode: outcome.statusCode, status: outcome.status };
  const state = await loadRun(db, { merchantId });
  return {
    statusCode: outcome.statusCode,
    status: toProvisioningStatus(state!.run, state!.steps),
  };
}
