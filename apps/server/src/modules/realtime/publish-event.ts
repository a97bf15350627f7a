import { sql } from 'drizzle-orm';
import type { RealtimeEventMap, RealtimeEventType } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';

/** Channel every instance LISTENs on; the payload is the event's seq only. */
export const EVENTS_CHANNEL = 'orbit_events';
/** Serialises event-producing transactions so `seq` order equals commit order. */
const EVENTS_LOCK_ID = 3_601_361;

/** One event of a `publishEvents` batch. */
export type EventToPublish = {
  [K in RealtimeEventType]: { type: K; data: RealtimeEventMap[K]; tenantId?: string };
}[RealtimeEventType];

/**
 * Records events in the same transaction as the change they describe; they are delivered
 * (NOTIFY) only if and when that transaction commits. Call it as the last statement of the
 * transaction: it takes a transaction-level lock that orders concurrent publishers, so `seq`
 * order is commit order.
 *
 * One statement, one round trip, whatever the batch size: lock, insert (in the given order),
 * and one NOTIFY carrying the batch's highest seq (listeners read everything after the last
 * seq they saw, so one notification per batch is enough). The lock is therefore held only
 * from this statement to COMMIT. Returns the seqs in order.
 */
export async function publishEvents(tx: Executor, batch: EventToPublish[]): Promise<number[]> {
  if (!batch.length) return [];
  const payload = JSON.stringify(
    batch.map((e) => ({ type: e.type, tenantId: e.tenantId ?? null, data: e.data })),
  );
  const result = await tx.execute<{ seqs: string[] }>(sql`
    with lock as (select pg_advisory_xact_lock(${EVENTS_LOCK_ID})),
    ins as (
      insert into events (type, tenant_id, data)
      select e.value->>'type', (e.value->>'tenantId')::uuid, e.value->'data'
      from lock, jsonb_array_elements(${payload}::jsonb) with ordinality as e(value, ord)
      order by e.ord
      returning seq)
    select array_agg(seq order by seq)::text[] as seqs,
           pg_notify(${EVENTS_CHANNEL}, max(seq)::text) as notified
    from ins`);
  return result.rows[0]!.seqs.map(Number);
}

/** `publishEvents` with one event. */
export async function publishEvent<K extends RealtimeEventType>(
  tx: Executor,
  type: K,
  data: RealtimeEventMap[K],
  options: { tenantId?: string } = {},
): Promise<number> {
  const [seq] = await publishEvents(tx, [
    { type, data, tenantId: options.tenantId } as EventToPublish,
  ]);
  return seq!;
}
