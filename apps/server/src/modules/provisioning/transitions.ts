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

/** One run completing a step. */
export interface StepCompletion {
  run: Pick<RunRow, 'id' | 'merchantId'>;
  output: Record<string, unknown>;
  tenantId: string | null;
  /** Events of the step's own change, published after step_completed in the same batch. */
  events?: EventToPublish[];
}

/** A batch's completions: each run with its tenant and output, in batch order. */
export const completionsOf = (
  runs: { run: StepCompletion['run'] }[],
  tenantIds: (string | null)[],
  outputs: Record<string, unknown>[],
): StepCompletion[] =>
  runs.map(({ run }, i) => ({ run, tenantId: tenantIds[i]!, output: outputs[i]! }));

/**
 * Marks `key` completed with its output for each run and starts the next step (attempt 1),
 * in one statement for all of them, then publishes step_completed (+ step_started) for each
 * in one batch. Call it after the step's writes, as the end of the step's transaction.
 *
 * It is also the step's guard: a run row is updated only while `key` is its current, running
 * step (and locked from there to commit). A duplicate runner — after a crash recovery race —
 * blocks on that lock, finds the step done and throws `Superseded`, which rolls its whole
 * transaction back: a step's effects commit once.
 */
export async function completeSteps(
  tx: Tx,
  options: { key: ProvisioningStepKey; completions: StepCompletion[] },
) {
  const { key, completions } = options;
  const { progress, next } = stepInfo(key);
  const input = JSON.stringify(
    completions.map((c) => ({ id: c.run.id, output: c.output, tenant_id: c.tenantId })),
  );
  const result = await tx.execute<{
    id: string;
    duration_ms: number | null;
    next_attempt: number | null;
    updated: boolean;
  }>(sql`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb) as i(id uuid, output jsonb, tenant_id uuid)),
    done as (
      update provisioning_steps s set
        status = 'completed', finished_at = clock_timestamp(), error = null, retry_at = null,
        duration_ms = greatest(0, round(extract(epoch from clock_timestamp() - s.started_at) * 1000))::int,
        output = i.output
      from input i
      where s.provisioning_id = i.id and s.key = ${key}
      returning s.provisioning_id, s.duration_ms),
    nxt as (
      update provisioning_steps s set
        status = 'running', attempts = s.attempts + 1,
        started_at = coalesce(s.started_at, clock_timestamp())
      from input i
      where s.provisioning_id = i.id and s.key = ${next ?? null}::text
      returning s.provisioning_id, s.attempts),
    upd as (
      update provisionings p set
        progress = ${progress}, current_step = coalesce(${next ?? null}::text, p.current_step),
        tenant_id = coalesce(p.tenant_id, i.tenant_id), updated_at = now(),
        status = case when ${next ?? null}::text is null then 'completed' else p.status end,
        finished_at = case when ${next ?? null}::text is null then clock_timestamp() else p.finished_at end,
        error = null
      from input i
      where p.id = i.id and p.status = 'running' and p.current_step = ${key}
      returning p.id)
    select i.id, d.duration_ms, n.attempts as next_attempt, u.id is not null as updated
    from input i
      left join done d on d.provisioning_id = i.id
      left join nxt n on n.provisioning_id = i.id
      left join upd u on u.id = i.id`);
  const rows = new Map(result.rows.map((row) => [row.id, row]));
  const batch: EventToPublish[] = [];
  for (const c of completions) {
    const row = rows.get(c.run.id);
    if (!row?.updated) throw new Superseded();
    const tenantId = c.tenantId ?? undefined;
    const ids = { merchantId: c.run.merchantId, provisioningId: c.run.id };
    batch.push({
      type: 'provisioning.step_completed',
      data: { ...ids, step: key, progress, durationMs: row.duration_ms ?? 0 },
      tenantId,
    });
    if (next) {
      batch.push({
        type: 'provisioning.step_started',
        data: { ...ids, step: next, attempt: row.next_attempt ?? 1 },
        tenantId,
      });
    }
    batch.push(...(c.events ?? []));
  }
  await publishEvents(tx, batch);
}

/**
 * queued → running: the worker picked runs up; their first step starts (attempt 1). Returns,
 * per run, false when it was not queued any more (another runner began it).
 */
export async function beginRuns(db: Db, runs: Pick<RunRow, 'id' | 'merchantId'>[]) {
  return db.transaction(async (tx) => {
    const ids = runs.map((r) => r.id).join(',');
    const result = await tx.execute<{ provisioning_id: string; attempts: number }>(sql`
      with upd as (
        update provisionings set status = 'running', current_step = 'workspace',
          started_at = coalesce(started_at, clock_timestamp()), updated_at = now()
        where id = any(string_to_array(${ids}, ',')::uuid[]) and status = 'queued'
        returning id)
      update provisioning_steps set status = 'running', attempts = attempts + 1,
        started_at = coalesce(started_at, clock_timestamp())
      where provisioning_id in (select id from upd) and key = 'workspace'
      returning provisioning_id, attempts`);
    const started = new Map(result.rows.map((r) => [r.provisioning_id, r.attempts]));
    await publishEvents(
      tx,
      runs.flatMap((run) =>
        started.has(run.id)
          ? [
              {
                type: 'provisioning.step_started' as const,
                data: {
                  merchantId: run.merchantId,
                  provisioningId: run.id,
                  step: 'workspace' as const,
                  attempt: started.get(run.id)!,
                },
              },
            ]
          : [],
      ),
    );
    return runs.map((run) => started.has(run.id));
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
