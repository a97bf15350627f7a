import { sql } from 'drizzle-orm';
import type { RealtimeEventMap, RealtimeEventType } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';

/**
 * Channel every instance LISTENs on; the payload is the highest seq of a committed batch. The
 * notification is sent by the events trigger at commit (migration 0009).
 */
export const EVENTS_CHANNEL = 'orbit_events';

/** One event of a `publishEvents` batch. */
export type EventToPublish = {
  [K in RealtimeEventType]: { type: K; data: RealtimeEventMap[K]; tenantId?: string };
}[RealtimeEventType];

/**
 * Records events in the same transaction as the change they describe; they are delivered
 * only if and when that transaction commits. One statement, in the given order, whatever the
 * batch size. Their `seq` — the position clients resume from — is assigned at COMMIT, in
 * commit order, by a deferred trigger that also notifies the listeners (migration 0009): no
 * lock is held while the transaction is still running. Returns the events' row ids.
 */
export async function publishEvents(tx: Executor, batch: EventToPublish[]): Promise<number[]> {
  if (!batch.length) return [];
  const payload = JSON.stringify(
    batch.map((e) => ({ type: e.type, tenantId: e.tenantId ?? null, data: e.data })),
  );
  const result = await tx.execute<{ id: string }>(sql`
    insert into events (type, tenant_id, data)
    select e.value->>'type', (e.value->>'tenantId')::uuid, e.value->'data'
    from jsonb_array_elements(${payload}::jsonb) with ordinality as e(value, ord)
    order by e.ord
    returning id`);
  return result.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/** `publishEvents` with one event. */
export async function publishEvent<K extends RealtimeEventType>(
  tx: Executor,
  type: K,
  data: RealtimeEventMap[K],
  options: { tenantId?: string } = {},
): Promise<number> {
  const [id] = await publishEvents(tx, [
    { type, data, tenantId: options.tenantId } as EventToPublish,
  ]);
  return id!;
}
