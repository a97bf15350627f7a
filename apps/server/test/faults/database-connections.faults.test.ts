/**
 * Real processes against a real PostgreSQL: a child server (`src/main.ts`, API and worker)
 * has its database connections terminated under it (`pg_terminate_backend`, as poolers,
 * idle-killers and failovers do). The process must live, requests in flight fail with 503
 * (never 500), and the pool reconnects by itself.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CHILD_ADMIN,
  childAdminToken,
  startServerProcess,
  type ServerProcess,
} from '../server-process.js';
import { createTestDatabase, databaseEnv } from '../helpers.js';

describe('the server survives dropped database connections', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let child: ServerProcess;
  let killer: pg.Client;
  let token: string;
  let planId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    killer = new pg.Client({ connectionString: inject('postgresUrl') });
    await killer.connect();
    child = await startServerProcess({
      env: {
        ...databaseEnv(database),
        JWT_SECRET: 'child-secret-child-secret-child-secret-12',
        DATABASE_POOL_SIZE: '6',
        QUEUE_POLL_INTERVAL_MS: '100',
      },
    });
    token = await childAdminToken(child);
    const plans = await fetch(`${child.url}/api/provisioning/plans`, {
      headers: { authorization: `Bearer ${token}` },
    });
    planId = ((await plans.json()) as { items: { id: string }[] }).items[0]!.id;
  });

  afterAll(async () => {
    await child?.kill();
    await killer?.end();
    await database?.drop();
  });

  const alive = () => child.child.exitCode === null && child.child.signalCode === null;

  /** Terminates the backends of the child's database (those inside a transaction, or all). */
  async function terminate(which: 'in-transaction' | 'all') {
    const { rows } = await killer.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
       where datname = $1 and pid <> pg_backend_pid()
         and ($2 = 'all' or state like 'idle in transaction%')`,
      [database.name, which],
    );
    return rows[0]!.n;
  }

  /** A read, a sign-in (it writes last_login_at) or a transaction (a plan update, audited). */
  async function call(): Promise<number> {
    const kind = Math.floor(Math.random() * 3);
    const auth = { authorization: `Bearer ${token}` };
    const request =
      kind === 0
        ? fetch(`${child.url}/api/admin/merchants`, { headers: auth })
        : kind === 1
          ? fetch(`${child.url}/api/auth/admin/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(CHILD_ADMIN),
            })
          : fetch(`${child.url}/api/provisioning/plans/${planId}`, {
              method: 'PUT',
              headers: { ...auth, 'content-type': 'application/json' },
              body: JSON.stringify({ sortOrder: Math.floor(Math.random() * 100) }),
            });
    // A process that died answers nothing: recorded as status 0.
    const res = await request.catch(() => undefined);
    if (!res) return 0;
    const body = (await res.json()) as { error?: { code: string } };
    if (res.status >= 500) {
      expect(body.error?.code, `${res.status} ${JSON.stringify(body)}`).toBe('UNAVAILABLE');
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    return res.status;
  }

  /** Requests keep running (8 at a time) until `until` resolves; returns their statuses. */
  async function load(until: Promise<unknown>) {
    const statuses: number[] = [];
    let done = false;
    const finished = until.finally(() => (done = true));
    const workers = await Promise.allSettled(
      Array.from({ length: 8 }, async () => {
        while (!done && alive()) statuses.push(await call());
      }),
    );
    done = true;
    await finished;
    for (const worker of workers) if (worker.status === 'rejected') throw worker.reason;
    return statuses;
  }

  async function waitUntilHealthy() {
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${child.url}/healthz`).catch(() => undefined);
      if (res?.status === 200) return;
      await sleep(50);
    }
    throw new Error('the server did not become healthy again');
  }

  it('terminating connections inside transactions fails those requests with 503, not the process', async () => {
    let terminated = 0;
    const statuses = await load(
      (async () => {
        for (let round = 0; round < 400 && terminated < 10 && alive(); round++) {
          terminated += await terminate('in-transaction');
        }
        await sleep(150);
      })(),
    );
    expect(terminated).toBeGreaterThan(0);
    expect(alive(), child.stderr()).toBe(true);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(new Set(statuses)).toContain(200);
    await waitUntilHealthy();
    expect(await call()).toBe(200);
  }, 60_000);

  it('a blip that drops every connection repeatedly for seconds is survived', async () => {
    const statuses = await load(
      (async () => {
        for (let round = 0; round < 60; round++) {
          await terminate('all');
          await sleep(50);
        }
      })(),
    );
    expect(alive(), child.stderr()).toBe(true);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses).toContain(503);
    await waitUntilHealthy();
    expect(await call()).toBe(200);
    expect(alive(), child.stderr()).toBe(true);
    // Bounded by its 60 rounds; the allowance is for a loaded CI machine (~4 s when idle).
  }, 60_000);
});
