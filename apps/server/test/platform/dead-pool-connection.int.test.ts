/**
 * A pooled connection whose backend was terminated while it sat idle (a pooler, an idle
 * killer, a failover) is handed to the next transaction before the pool notices. That
 * transaction fails, and the connection must still go back — or every later request waits
 * for a client that never returns (seen: a server answering 503 forever after a blip).
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import {
  createDatabase,
  isDatabaseUnavailable,
  type Database,
} from '../../src/platform/database/index.js';
import { createTestDatabase } from '../helpers.js';

describe('a transaction on a connection that died in the pool', () => {
  let scratch: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  let killer: pg.Client;

  beforeAll(async () => {
    scratch = await createTestDatabase();
    // One connection: a single leaked client is enough to starve the pool.
    database = createDatabase({
      url: scratch.url,
      poolSize: 1,
      logger: createLogger('silent'),
      timeouts: { connectMs: 1000, statementMs: 5000, idleInTransactionMs: 5000 },
    });
    killer = new pg.Client({ connectionString: inject('postgresUrl') });
    await killer.connect();
  });

  afterAll(async () => {
    await killer?.end();
    await database?.close();
    await scratch?.drop();
  });

  it('fails as unavailable and gives the connection back, every time', async () => {
    const failures: unknown[] = [];
    for (let round = 0; round < 20; round++) {
      const { rows } = await database.pool.query<{ pid: number }>('select pg_backend_pid() as pid');
      await killer.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      // Straight away, before the idle client has read the server's goodbye.
      await database.db
        .transaction((tx) => tx.execute(sql`select 1`))
        .catch((error: unknown) => failures.push(error));
    }
    // The race is real: some rounds get the dead connection (that is what this test is about).
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every(isDatabaseUnavailable)).toBe(true);
    const { rows } = await database.db.transaction((tx) => tx.execute(sql`select 1 as ok`));
    expect(rows).toEqual([{ ok: 1 }]);
    expect(database.pool.totalCount).toBeLessThanOrEqual(1);
  });
});
