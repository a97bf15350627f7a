import { sql } from 'drizzle-orm';
import type { ProvisioningStepKey } from '@orbit360/contracts';
import type { Db } from '../../platform/database/index.js';
import { transitionMerchants } from '../merchants/index.js';
import { publishEvent } from '../realtime/index.js';
import type { RunRow, StepRow } from './provisioning-state.js';

/**
 * Records a failed attempt of the current step. Within the retry budget (max attempts since
 * the last manual retry) the step waits `retryBaseMs × 2^(n-1)` and is tried again; after the
 * last attempt the run, and the merchant, are `failed` with the sanitized message.
 * Returns what happens next.
 */
export async function recordStepFailure(options: {
  db: Db;
  run: Pick<RunRow, 'id' | 'merchantId' | 'tenantId'>;
  step: Pick<StepRow, 'key' | 'attempts' | 'attemptBase'>;
  message: string;
  maxAttempts: number;
  retryBaseMs: number;
}): Promise<'retry' | 'failed' | 'superseded'> {
  const { db, run, step, message } = options;
  const attempt = step.attempts;
  const attemptsInRound = attempt - step.attemptBase;
  const willRetry = attemptsInRound < options.maxAttempts;
  const delayMs = options.retryBaseMs * 2 ** Math.max(0, attemptsInRound - 1);
  const ids = { merchantId: run.merchantId, provisioningId: run.id };
  const tenantId = run.tenantId ?? undefined;
  const key: ProvisioningStepKey = step.key;

  return db.transaction(async (tx) => {
    const locked = await tx.execute(sql`
      select 1 from provisionings
      where id = ${run.id} and status = 'running' and current_step = ${key} for update`);
    if (!locked.rows.length) return 'superseded';
    const error = JSON.stringify({ message, attempt });
    if (willRetry) {
      await tx.execute(sql`
        update provisioning_steps set error = ${error}::jsonb,
          retry_at = clock_timestamp() + make_interval(secs => ${delayMs / 1000})
        where provisioning_id = ${run.id} and key = ${key}`);
      await publishEvent(
        tx,
        'provisioning.step_failed',
        { ...ids, step: key, attempt, message, willRetry: true },
        { tenantId },
      );
      return 'retry';
    }
    await tx.execute(sql`
      with st as (
        update provisioning_steps set status = 'failed', error = ${error}::jsonb, retry_at = null,
          finished_at = clock_timestamp(),
          duration_ms = greatest(0, round(extract(epoch from clock_timestamp() - started_at) * 1000))::int
        where provisioning_id = ${run.id} and key = ${key})
      update provisionings set status = 'failed', finished_at = clock_timestamp(), updated_at = now(),
        error = ${JSON.stringify({ step: key, message, attempt })}::jsonb
      where id = ${run.id}`);
    // The merchants module writes the status, its audit entry and its events.
    await transitionMerchants(tx, [
      {
        id: run.merchantId,
        from: 'provisioning',
        to: 'failed',
        actor: { type: 'system' },
        tenantId: tenantId ?? null,
        auditData: { provisioningId: run.id, step: key, attempt, message },
        events: [
          {
            type: 'provisioning.step_failed',
            data: { ...ids, step: key, attempt, message, willRetry: false },
            tenantId,
          },
          { type: 'provisioning.failed', data: { ...ids, step: key, message }, tenantId },
        ],
      },
    ]);
    return 'failed';
  });
}
