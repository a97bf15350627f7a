import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only record of who did what to which resource, and when. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorType: text('actor_type').$type<'admin' | 'merchant' | 'system' | 'public'>().notNull(),
    actorId: text('actor_id'),
    action: text().notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    tenantId: uuid('tenant_id'),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_target_idx').on(t.targetType, t.targetId, t.at)],
);
