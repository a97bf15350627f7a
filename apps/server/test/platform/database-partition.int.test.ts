/**
 * A network partition between a child server and PostgreSQL (a TCP proxy that stops passing
 * bytes): API calls answer 503 UNAVAILABLE with Retry-After once the configured timeouts run
 * out instead of hanging, /healthz says 503, and everything recovers by itself once healed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childAdminToken, startServerProcess, type ServerProcess } from '../server-process.js';
import { startTcpProxy, type TcpProxy } from '../tcp-proxy.js';
import { createTestDatabase } from '../helpers.js';

describe('a database partition', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let child: ServerProcess;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(database.url);
    proxied.port = String(proxy.port);
    child = await startServerProcess({
      env: {
        DATABASE_URL: proxied.toString(),
        MIGRATION_DATABASE_URL: database.ownerUrl,
        JWT_SECRET: 'child-secret-child-secret-child-secret-12',
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      },
    });
    token = await childAdminToken(child);
  });

  afterAll(async () => {
    await child?.kill();
    await proxy?.close();
    await database?.drop();
  });

  // A guard only: a request still open after this long is the hang this test is about.
  const HANG = 20_000;
  const listMerchants = () =>
    fetch(`${child.url}/api/admin/merchants`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(HANG),
    });

  it('answers 503 instead of hanging, then recovers by itself', { timeout: 90_000 }, async () => {
    expect((await listMerchants()).status).toBe(200);
    proxy.stall();
    const started = performance.now();
    const responses = await Promise.all(Array.from({ length: 12 }, listMerchants));
    const answeredWithinMs = Math.round(performance.now() - started);
    for (const res of responses) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE');
    }
    const health = await fetch(`${child.url}/healthz`, { signal: AbortSignal.timeout(HANG) });
    expect(health.status).toBe(503);

    proxy.heal();
    const healedAt = performance.now();
    let healthy = false;
    for (let i = 0; i < 400 && !healthy; i++) {
      healthy = (await fetch(`${child.url}/healthz`)).status === 200;
      if (!healthy) await sleep(50);
    }
    expect(healthy).toBe(true);
    const recoveredInMs = Math.round(performance.now() - healedAt);
    expect((await listMerchants()).status).toBe(200);
    expect(child.child.exitCode).toBeNull();
    console.warn('partition figures', { answeredWithinMs, recoveredInMs, responses: 12 });
  });
});
