import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SessionEndReason } from '@orbit360/contracts';

/**
 * One row per sign-in; the token carries its id (`sid`). A session counts while it has not
 * ended and has not expired. Platform-level (no RLS policy): a token is checked before any
 * tenant context exists. No foreign key to the account: admins and merchant accounts live in
 * two tables, and ending a session must never wait on them. Ended and expired rows are kept
 * for a month (the account's session history); the account's next sign-in deletes older ones.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<'admin' | 'merchant'>().notNull(),
    accountId: uuid('account_id').notNull(),
    /** The merchant's tenant (merchant sessions), so a suspension ends them all at once. */
    tenantId: uuid('tenant_id'),
    userAgent: text('user_agent'),
    ip: text(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason').$type<SessionEndReason>(),
  },
  (t) => [
    index('sessions_account_idx').on(t.accountId),
    index('sessions_tenant_live_idx')
      .on(t.tenantId)
      .where(sql`ended_at is null`),
  ],
);
