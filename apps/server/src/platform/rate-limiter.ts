/**
 * Counts events per key (failed logins per address and client, newsletter sign-ups per
 * client…) in a sliding window and says when a key must wait. The windows live in PostgreSQL
 * (`rate_limit_hits`), so every instance of the platform enforces the same limit — N
 * instances do not multiply it — and a restart forgets nothing. Time is the database's.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from './database/index.js';
import { rateLimitHits } from './rate-limits.table.js';

export interface RateLimiter {
  /** Seconds until another event is allowed, or 0 when the key is not blocked. */
  retryAfter(key: string): Promise<number>;
  record(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

/** Expired rows of any key removed along with each recorded event (keeps the table small). */
const PRUNE_PER_RECORD = 20;

export function createRateLimiter(options: {
  db: Executor;
  /** Namespaces the keys (`login`, `newsletter`…). */
  name: string;
  maxEvents: number;
  windowMs: number;
}): RateLimiter {
  const { db, maxEvents } = options;
  const window = sql`make_interval(secs => ${options.windowMs / 1000})`;
  const keyOf = (key: string) => `${options.name}:${key}`;
  return {
    async retryAfter(key) {
      // The window reopens when the oldest of the last `maxEvents` events leaves it.
      const result = await db.execute<{ n: number; wait: number | null }>(sql`
        select count(*)::int as n,
          ceil(extract(epoch from min(at) + ${window} - now()))::int as wait
        from (select at from ${rateLimitHits}
              where key = ${keyOf(key)} and at > now() - ${window}
              order by at desc limit ${maxEvents}) recent`);
      const { n, wait } = result.rows[0]!;
      return n < maxEvents ? 0 : Math.max(1, wait ?? 1);
    },
    async record(key) {
      await db.execute(sql`
        with pruned as (
          delete from ${rateLimitHits} where ctid = any(array(
            select ctid from ${rateLimitHits} where expires_at <= now() limit ${PRUNE_PER_RECORD})))
        insert into ${rateLimitHits} (key, expires_at) values (${keyOf(key)}, now() + ${window})`);
    },
    async reset(key) {
      await db.execute(sql`delete from ${rateLimitHits} where key = ${keyOf(key)}`);
    },
  };
}
