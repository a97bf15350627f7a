/**
 * The workflow's state transitions. Every one is a statement (or a few) inside a transaction
 * that ends with its realtime events; a step's work and its completion commit together.
 */
import { sql } from 'drizzle-orm';
import type { ProvisioningStepKey } from '@orbit360/contracts';
import type { Db, Tx } from '../../platform/database/index.js';
import { publishEvents, type EventToPublish } from '../realtime/index.js';
import { stepInfo, type RunRow } from './provisioning-state.js';

/** Thrown when the run moved on (another runner finished the step): the work is rolled back. */
export class Superseded extends Error {
  constructor() {
    super('provisioning step superseded');
    this.name = 'Superseded';
  }
}

/**
 * Marks `key` completed with its output and starts the next step (attempt 1) in the same
 * statement, then publishes step_completed (+ step_started). Call it after the step's writes,
 * as the end of the step's transaction.
 *
 * It is also the step's guard: the run row is updated only while `key` is its current,
 * running step (and locked from there to commit). A duplicate runner — after a crash
 * recovery race — blocks on that lock, finds the step done and throws `Superseded`, which
 * rolls its whole transaction back: a step's effects commit once.
 */
export async function completeStep(
  tx: Tx,
  options: {
    run: Pick<RunRow, 'id' | 'merchantId'>;
    key: ProvisioningStepKey;
    output: Record<string, unknown>;
    tenantId: string | null;
    /** Events of the step's own change, published after step_completed in the same batch. */
    events?: EventToPublish[];
  },
) {
  const { run, key } = options;
  const { progress, next } = stepInfo(key);
  const result = await tx.execute<{
    duration_ms: number;
    next_attempt: number | null;
    updated: string;
  }>(sql`
    with done as (
      update provisioning_steps set
        status = 'completed', finished_at = clock_timestamp(), error = null, retry_at = null,
        duration_ms = greatest(0, round(extract(epoch from clock_timestamp() - started_at) * 1000))::int,
        output = ${JSON.stringify(options.output)}::jsonb
      where provisioning_id = ${run.id} and key = ${key}
      returning duration_ms),
    nxt as (
      update provisioning_steps set
        status = 'running', attempts = attempts + 1,
        started_at = coalesce(started_at, clock_timestamp())
      where provisioning_id = ${run.id} and key = ${next ?? null}::text
      returning attempts),
    upd as (
      update provisionings set
        progress = ${progress}, current_step = coalesce(${next ?? null}::text, current_step),
        tenant_id = coalesce(tenant_id, ${options.tenantId}::uuid), updated_at = now(),
        status = case when ${next ?? null}::text is null then 'completed' else status end,
        finished_at = case when ${next ?? null}::text is null then clock_timestamp() else finished_at end,
        error = null
      where id = ${run.id} and status = 'running' and current_step = ${key}
      returning 1)
    select (select duration_ms from done) as duration_ms, (select attempts from nxt) as next_attempt,
           (select count(*) from upd) as updated`);
  const row = result.rows[0]!;
  if (Number(row.updated) === 0) throw new Superseded();
  const tenantId = options.tenantId ?? undefined;
  const ids = { merchantId: run.merchantId, provisioningId: run.id };
  const batch: EventToPublish[] = [
    {
      type: 'provisioning.step_completed',
      data: { ...ids, step: key, progress, durationMs: row.duration_ms ?? 0 },
      tenantId,
    },
  ];
  if (next) {
    batch.push({
      type: 'provisioning.step_started',
      data: { ...ids, step: next, attempt: row.next_attempt ?? 1 },
      tenantId,
    });
  }
  await publishEvents(tx, [...batch, ...(options.events ?? [])]);
}

/**
 * queued → running: the worker picked the run up; its first step starts (attempt 1). False
 * when the run was not queued any more (another runner began it).
 */
export async function beginRun(db: Db, run: Pick<RunRow, 'id' | 'merchantId'>) {
  return db.transaction(async (tx) => {
    const result = await tx.execute<{ attempts: number }>(sql`
      with upd as (
        update provisionings set status = 'running', current_step = 'workspace',
          started_at = coalesce(started_at, clock_timestamp()), updated_at = now()
        where id = ${run.id} and status = 'queued'
        returning id)
      update provisioning_steps set status = 'running', attempts = attempts + 1,
        started_at = coalesce(started_at, clock_timestamp())
      where provisioning_id = (select id from upd) and key = 'workspace'
      returning attempts`);
    if (!result.rows.length) return false;
    await publishEvents(tx, [
      {
        type: 'provisioning.step_started',
        data: {
          merchantId: run.merchantId,
          provisioningId: run.id,
          step: 'workspace',
          attempt: result.rows[0]!.attempts,
        },
      },
    ]);
    return true;
  });
}

/** A retry's backoff is over (or an admin asked for a retry): the next attempt starts. */
export async function beginRetryAttempt(
  db: Db,
  run: Pick<RunRow, 'id' | 'merchantId' | 'tenantId'>,
  key: ProvisioningStepKey,
) {
  await db.transaction(async (tx) => {
    const result = await tx.execute<{ attempts: number }>(sql`
      update provisioning_steps s set status = 'running', attempts = s.attempts + 1, retry_at = null
      from provisionings p
      where s.provisioning_id = ${run.id} and s.key = ${key} and s.retry_at is not null
        and p.id = s.provisioning_id and p.status = 'running' and p.current_step = ${key}
      returning s.attempts`);
    if (!result.rows.length) return;
    await publishEvents(tx, [
      {
        type: 'provisioning.step_started',
        data: {
          merchantId: run.merchantId,
          provisioningId: run.id,
          step: key,
          attempt: result.rows[0]!.attempts,
        },
        tenantId: run.tenantId ?? undefined,
      },
    ]);
  });
}
