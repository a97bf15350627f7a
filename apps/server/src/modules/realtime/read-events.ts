/**
 * Reads of the event log by position. Used by the instance's listener (everything after the
 * last seq it fanned out) and by a resuming socket (what it missed, filtered by audience).
 * Plain `pg` queries with named statements: they run on every commit, on a hot path.
 */
import type pg from 'pg';
import type { StoredEvent } from './event-frame.js';

/** A pool or a single client. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.Client, 'query'>;

interface EventRow {
  seq: string;
  type: string;
  tenant_id: string | null;
  at: Date;
  data: string;
}

const toStored = (row: EventRow): StoredEvent => ({
  seq: Number(row.seq),
  type: row.type,
  tenantId: row.tenant_id,
  at: row.at,
  dataJson: row.data,
});

/**
 * Events after `after`, in seq order, at most `limit`. With `tenantId`, only that tenant's
 * events (what a merchant may see); without, all of them (what an admin may see).
 */
export async function readEventsAfter(options: {
  db: Queryable;
  after: number;
  limit: number;
  tenantId?: string;
}): Promise<StoredEvent[]> {
  const { db, after, limit, tenantId } = options;
  const result =
    tenantId === undefined
      ? await db.query<EventRow>({
          name: 'orbit_events_after',
          text: `select seq, type, tenant_id, at, data::text as data from events
                 where seq > $1 order by seq limit $2`,
          values: [after, limit],
        })
      : await db.query<EventRow>({
          name: 'orbit_tenant_events_after',
          text: `select seq, type, tenant_id, at, data::text as data from events
                 where tenant_id = $1 and seq > $2 order by seq limit $3`,
          values: [tenantId, after, limit],
        });
  return result.rows.map(toStored);
}

/** Oldest and newest stored seq (0 when the log is empty). */
export async function readEventBounds(db: Queryable): Promise<{ first: number; last: number }> {
  const { rows } = await db.query<{ first: string | null; last: string | null }>(
    'select min(seq) as first, max(seq) as last from events',
  );
  return { first: Number(rows[0]?.first ?? 0), last: Number(rows[0]?.last ?? 0) };
}
