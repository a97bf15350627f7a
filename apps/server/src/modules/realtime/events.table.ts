import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Durable event log behind the realtime stream. `seq` is assigned in commit order (see
 * publishEvent), so a client resuming with `since=<seq>` misses nothing. Pruned after the
 * retention period.
 */
export const events = pgTable(
  'events',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    type: text().notNull(),
    tenantId: uuid('tenant_id'),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Merchants resume with `tenant_id = $1 and seq > $2 order by seq`.
  (t) => [index('events_at_idx').on(t.at), index('events_tenant_seq_idx').on(t.tenantId, t.seq)],
);
