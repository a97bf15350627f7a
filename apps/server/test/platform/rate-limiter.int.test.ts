import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/platform/rate-limiter.js';
import { setupTestDatabase } from '../helpers.js';

/** The limit is the platform's, not an instance's: limiters on one database share it. */
describe('rate limiter', () => {
  const database = setupTestDatabase();

  const limiter = (name: string, windowMs = 60_000) =>
    createRateLimiter({ db: database.db, name, maxEvents: 3, windowMs });

  it('blocks a key on every instance once it reached the limit, until reset', async () => {
    const [a, b] = [limiter('login'), limiter('login')];
    await a.record('x@example.test');
    await b.record('x@example.test');
    expect(await a.retryAfter('x@example.test')).toBe(0);
    await a.record('x@example.test');

    const wait = await b.retryAfter('x@example.test');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await b.retryAfter('y@example.test')).toBe(0);
    expect(await limiter('newsletter').retryAfter('x@example.test')).toBe(0);

    await b.reset('x@example.test');
    expect(await a.retryAfter('x@example.test')).toBe(0);
  });

  it('lets a key through again once its oldest events leave the window', async () => {
    const short = limiter('short', 300);
    for (let i = 0; i < 3; i++) await short.record('k');
    expect(await short.retryAfter('k')).toBe(1);
    const deadline = Date.now() + 5_000;
    while ((await short.retryAfter('k')) > 0) {
      expect(Date.now()).toBeLessThan(deadline);
      await sleep(50);
    }
  });

  it('removes expired events as new ones are recorded', async () => {
    await database.db.execute(sql`delete from rate_limit_hits`);
    await database.db.execute(sql`
      insert into rate_limit_hits (key, at, expires_at)
      select 'old:' || g, now() - interval '2 hours', now() - interval '1 hour'
      from generate_series(1, 30) g`);
    const count = async () =>
      (
        await database.db.execute<{ n: number }>(sql`select count(*)::int as n from rate_limit_hits
        where key like 'old:%'`)
      ).rows[0]!.n;
    await limiter('login').record('someone');
    expect(await count()).toBe(10);
    await limiter('login').record('someone');
    expect(await count()).toBe(0);
  });
});
