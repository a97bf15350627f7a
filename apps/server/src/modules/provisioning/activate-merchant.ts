import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import {
  PROVISIONING_STEPS,
  type ActivateMerchantBody,
  type ProvisioningStatus,
} from '@orbit360/contracts';
import { isUuid, type Db } from '../../platform/database/index.js';
import { AppError, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/errors.js';
import { enqueueJob } from '../../platform/queue.js';
import { recordAudit } from '../audit/index.js';
import { merchants } from '../merchants/index.js';
import { publishEvents } from '../realtime/index.js';
import { loadRun, toProvisioningStatus } from './provisioning-state.js';
import { provisioningSteps, provisionings, type ProvisioningActor } from './provisioning.table.js';
import { RUN_PROVISIONING_TASK } from './run-provisioning.js';
import { isSlugTaken } from './slugs.js';
import type { ValidActivation } from './validate-activation.js';

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

const slugTaken = () =>
  new AppError('CONFLICT', 'This website address is already taken', {
    fields: [{ field: 'body.settings.slug', message: 'is already taken' }],
  });

/**
 * Starts the provisioning of a merchant — at most once. Under a lock on the merchant row it
 * either returns the existing provisioning (200; or 202 when the same Idempotency-Key
 * replays the request that created it) or creates the run, its six steps and the job, marks
 * the merchant `provisioning`, audits and publishes — all in one transaction, so the job
 * exists if and only if the merchant is provisioning.
 */
export async function activateMerchant(options: {
  db: Db;
  merchantId: string;
  body: ActivateMerchantBody;
  valid: ValidActivation;
  idempotencyKey?: string;
  actor: ProvisioningActor;
}): Promise<ActivationResult> {
  const { db, merchantId, valid, idempotencyKey } = options;
  if (!isUuid(merchantId)) throw AppError.notFound('Merchant');
  const requestHash = requestHashOf({
    themeId: options.body.themeId,
    planId: options.body.planId,
    settings: options.body.settings ?? {},
  });

  try {
    const created = await db.transaction(async (tx): Promise<Partial<ActivationResult>> => {
      // Lock first, then read the run: a read joined into the locking query would see the
      // snapshot from before the lock wait, missing a run created by the request we waited for.
      const [merchant] = await tx
        .select()
        .from(merchants)
        .where(eq(merchants.id, merchantId))
        .for('update');
      if (!merchant) throw AppError.notFound('Merchant');
      const [existing] = await tx
        .select({
          idempotencyKey: provisionings.idempotencyKey,
          requestHash: provisionings.requestHash,
        })
        .from(provisionings)
        .where(eq(provisionings.merchantId, merchantId));
      if (existing) {
        if (idempotencyKey && existing.idempotencyKey === idempotencyKey) {
          if (existing.requestHash !== requestHash) {
            throw new AppError(
              'CONFLICT',
              'This Idempotency-Key was already used with a different request',
            );
          }
          return { statusCode: 202 as const };
        }
        return { statusCode: 200 as const };
      }
      if (merchant.status === 'suspended') {
        throw new AppError('CONFLICT', 'This merchant is suspended; reactivate it first');
      }
      if (merchant.status !== 'pending') {
        throw new AppError(
          'CONFLICT',
          `This merchant cannot be activated (status: ${merchant.status})`,
        );
      }
      const slug = valid.settings.slug ?? null;
      if (slug && (await isSlugTaken(tx, slug))) throw slugTaken();

      const [run] = await tx
        .insert(provisionings)
        .values({
          merchantId,
          themeId: valid.theme.id,
          planId: valid.plan.id,
          storeName: valid.settings.storeName ?? merchant.storeName,
          settings: valid.settings,
          slug,
          idempotencyKey: idempotencyKey ?? null,
          requestHash,
          requestedBy: options.actor,
        })
        .returning();
      const steps = await tx
        .insert(provisioningSteps)
        .values(
          PROVISIONING_STEPS.map((step, position) => ({
            provisioningId: run!.id,
            key: step.key,
            position,
          })),
        )
        .returning();
      await tx
        .update(merchants)
        .set({
          status: 'provisioning',
          themeId: valid.theme.id,
          planId: valid.plan.id,
          updatedAt: sql`now()`,
        })
        .where(eq(merchants.id, merchantId));
      await enqueueJob(tx, {
        task: RUN_PROVISIONING_TASK,
        payload: { provisioningId: run!.id },
        jobKey: `provisioning:${run!.id}`,
        maxAttempts: 10,
      });
      await recordAudit(tx, {
        actor: options.actor,
        action: 'merchant.activation_requested',
        target: { type: 'merchant', id: merchantId },
        data: {
          provisioningId: run!.id,
          themeId: valid.theme.id,
          planId: valid.plan.id,
          settings: valid.settings,
        },
      });
      await publishEvents(tx, [
        { type: 'provisioning.queued', data: { merchantId, provisioningId: run!.id } },
        {
          type: 'merchant.status_changed',
          data: { merchantId, status: 'provisioning', previous: merchant.status },
        },
      ]);
      return { statusCode: 202 as const, status: toProvisioningStatus(run!, steps) };
    });
    const statusCode = created.statusCode ?? 200;
    if (created.status) return { statusCode, status: created.status };
    const state = await loadRun(db, { merchantId });
    return { statusCode, status: toProvisioningStatus(state!.run, state!.steps) };
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && violatedConstraint(error)?.includes('slug')) {
      throw slugTaken();
    }
    throw error;
  }
}
