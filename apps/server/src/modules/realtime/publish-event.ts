import { sql } from 'drizzle-orm';
import type { RealtimeEventMap, RealtimeEventType } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';

/** Channel every instance LISTENs on; the payload is the event's seq only. */
export const EVENTS_CHANNEL = 'orbit_events';
/** Serialises event-producing transactions so `seq` order equals commit order. */
const EVENTS_LOCK_ID = 3_601_361;

/**
 * Records an event in the same transaction as the change it describes; it is delivered
 * (NOTIFY) only if and when that transaction commits. Call it as the last statement of the
 * transaction: it takes a transaction-level lock that orders concurrent publishers.
 */
export async function publishEvent<K extends RealtimeEventType>(
  tx: Executor,
  type: K,
  data: RealtimeEventMap[K],
  options: { tenantId?: string } = {},
): Promise<number> {
  const result = await tx.execute<{ seq: string }>(sql`
    with lock as (select pg_advisory_xact_lock(${EVENTS_LOCK_ID}))
    insert into events (type, tenant_id, data)
    select ${type}, ${options.tenantId ?? null}::uuid, ${JSON.stringify(data)}::jsonb from lock
    returning seq`);
  const seq = Number(result.rows[0]!.seq);
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(seq)})`);
  return seq;
}
