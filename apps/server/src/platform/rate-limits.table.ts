import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The rate limiters' sliding windows, shared by every instance: one row per counted event
 * (a failed login, a newsletter sign-up…) under `<limiter>:<key>`, kept until it leaves its
 * window. Platform-level; never holds more than a limiter's `maxEvents` per key and window.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('rate_limit_hits_key_at_idx').on(t.key, t.at),
    index('rate_limit_hits_expires_idx').on(t.expiresAt),
  ],
);
