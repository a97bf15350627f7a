import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Durable event log behind the realtime stream. `id` is the insert order; `seq`, the public
 * position, is assigned when the inserting transaction commits, in commit order (a deferred
 * trigger, see migrations 0009 and 0011, and publishEvents), so a client resuming with `since=<seq>`
 * misses nothing. Rows without a seq belong to transactions still in flight. Pruned after the
 * retention period.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    seq: bigint({ mode: 'number' }),
    type: text().notNull(),
    tenantId: uuid('tenant_id'),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Listeners read `seq > $1 order by seq`; merchants resume with `tenant_id = $1 and seq > $2`.
  // Only numbered rows are indexed by seq: a row is inserted without one and numbered at
  // commit, and only that version needs the entries.
  (t) => [
    uniqueIndex('events_seq_idx')
      .on(t.seq)
      .where(sql`seq is not null`),
    index('events_at_idx').on(t.at),
    index('events_tenant_seq_idx')
      .on(t.tenantId, t.seq)
      .where(sql`seq is not null`),
  ],
);
