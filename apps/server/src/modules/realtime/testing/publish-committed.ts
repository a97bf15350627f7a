import { sql } from 'drizzle-orm';
import type { RealtimeEventMap, RealtimeEventType } from '@orbit360/contracts';
import type { Db } from '../../../platform/database/index.js';
import { publishEvent } from '../publish-event.js';

/** Publishes one event in its own transaction and returns the seq its commit gave it. */
export async function publishCommitted<K extends RealtimeEventType>(
  db: Db,
  type: K,
  data: RealtimeEventMap[K],
  options: { tenantId?: string } = {},
): Promise<number> {
  const id = await db.transaction((tx) => publishEvent(tx, type, data, options));
  const result = await db.execute<{ seq: string }>(sql`select seq from events where id = ${id}`);
  return Number(result.rows[0]!.seq);
}
