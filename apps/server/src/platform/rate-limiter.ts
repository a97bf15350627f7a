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
  /**
   * Check and record as one step: records the event and answers 0 when the key may have it,
   * else answers the seconds to wait and records nothing. Concurrent calls for one key (a
   * burst, on any instance) are serialised by a transaction-scoped advisory lock, so exactly
   * `maxEvents` get through — `retryAfter` then `record` lets a parallel burst all pass.
   */
  consume(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

/** Expired rows of any key removed along with each recorded event (keeps the table small). */
const PRUNE_PER_RECORD = 20;
/** First half of the two-integer advisory-lock key of `consume` (its own lock space). */
const CONSUME_LOCK_CLASS = 0x0b17;

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
  const retryAfterOn = async (executor: Executor, key: string) => {
    // The window reopens when the oldest of the last `maxEvents` events leaves it.
    const result = await executor.execute<{ n: number; wait: number | null }>(sql`
        select count(*)::int as n,
          ceil(extract(epoch from min(at) + ${window} - now()))::int as wait
        from (select at from ${rateLimitHits}
              where key = ${keyOf(key)} and at > now() - ${window}
              order by at desc limit ${maxEvents}) recent`);
    const { n, wait } = result.rows[0]!;
    return n < maxEvents ? 0 : Math.max(1, wait ?? 1);
  };
  const recordOn = async (executor: Executor, key: string) => {
    await executor.execute(sql`
        with pruned as (
          delete from ${rateLimitHits} where ctid = any(array(
            select ctid from ${rateLimitHits} where expires_at <= now() limit ${PRUNE_PER_RECORD})))
        insert into ${rateLimitHits} (key, expires_at) values (${keyOf(key)}, now() + ${window})`);
  };
  return {
    retryAfter: (key) => retryAfterOn(db, key),
    record: (key) => recordOn(db, key),
    consume: (key) =>
      db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(${CONSUME_LOCK_CLASS}, hashtext(${keyOf(key)}))`,
        );
        const wait = await retryAfterOn(tx, key);
        if (wait === 0) await recordOn(tx, key);
        return wait;
      }),
    async reset(key) {
      await db.execute(sql`delete from ${rateLimitHits} where key = ${keyOf(key)}`);
    },
  };
}
