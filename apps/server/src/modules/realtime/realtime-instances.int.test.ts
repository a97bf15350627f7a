/**
 * Two server instances on one database: this test process (instance A, in-process) and a real
 * `src/main.ts` child process (instance B). Events go through PostgreSQL, never in memory.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AnyRealtimeEvent } from '@orbit360/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseEnv, merchantToken, setupTestApp } from '../../../test/helpers.js';
import { publishCommitted } from './testing/publish-committed.js';
import { startServerProcess, type ServerProcess } from '../../../test/server-process.js';
import { connectTestSocket, type TestSocket } from '../../../test/support/ws-test-client.js';
import { setTimeout as sleep } from 'node:timers/promises';

const seqs = (events: AnyRealtimeEvent[]) => events.map((e) => e.seq);
const ready = (socket: TestSocket) =>
  socket.waitFor((s) => s.frames.some((f) => f.type === 'ready'));

describe('realtime across server instances', () => {
  const t = setupTestApp();
  let urlA: string;
  let b: ServerProcess;
  const sockets: TestSocket[] = [];
  const connect = async (...args: Parameters<typeof connectTestSocket>) => {
    const socket = await connectTestSocket(...args);
    sockets.push(socket);
    await ready(socket);
    return socket;
  };
  const publish = (tenantId?: string) =>
    publishCommitted(t.ctx.db, 'store.settings_updated', { fields: ['name'] }, { tenantId });
  const listenerPids = async () =>
    (
      await t.ctx.pool.query<{ pid: number }>(
        `select pid from pg_stat_activity
         where application_name = 'orbit360-realtime' and datname = current_database()`,
      )
    ).rows.map((r) => r.pid);

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    urlA = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    b = await startServerProcess({
      env: { ...databaseEnv(t.database), JWT_SECRET: t.ctx.config.auth.jwtSecret! },
    });
  });

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await b?.stop();
  });

  it('an event caused through one instance reaches clients of the other', async () => {
    const token = await t.adminToken();
    const onA = await connect(urlA, { token });
    const onB = await connect(b.url, { token });
    const signup = (url: string, email: string) =>
      fetch(`${url}/api/merchants/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          storeName: `Store ${email}`,
          ownerName: 'Owner',
          email,
          businessType: 'Other',
          country: 'US',
        }),
      });

    // Each instance accepts an application; instance B's worker records both.
    expect((await signup(urlA, 'via-a@orbit360.test')).status).toBe(202);
    expect((await signup(b.url, 'via-b@orbit360.test')).status).toBe(202);

    const received: string[][] = [];
    for (const socket of [onA, onB]) {
      await socket.waitForEvents(2);
      expect(socket.events.map((e) => e.type)).toEqual([
        'merchant.signed_up',
        'merchant.signed_up',
      ]);
      received.push(socket.events.map((e) => (e.data as { storeName: string }).storeName));
    }
    expect([...received[0]!].sort()).toEqual([
      'Store via-a@orbit360.test',
      'Store via-b@orbit360.test',
    ]);
    expect(received[1]).toEqual(received[0]);
  });

  it('tenant rooms hold across instances', async () => {
    const tenant = randomUUID();
    const other = randomUUID();
    const sign = (tenantId: string) =>
      merchantToken(t.ctx, {
        merchantId: randomUUID(),
        tenantId,
        role: 'owner',
      });
    const mine = await connect(b.url, { token: await sign(tenant) });
    const theirs = await connect(b.url, { token: await sign(other) });
    const seq = await publish(tenant); // committed by instance A's pool
    const otherSeq = await publish(other);
    await mine.waitFor((s) => s.events.length === 1);
    await theirs.waitFor((s) => s.events.length === 1);
    await sleep(100);
    expect(seqs(mine.events)).toEqual([seq]);
    expect(seqs(theirs.events)).toEqual([otherSeq]);
  });

  it('a client resumes on the other instance without gap or duplicate', async () => {
    const token = await t.adminToken();
    const first = await connect(urlA, { token });
    const published: number[] = [];
    for (let i = 0; i < 20; i++) published.push(await publish());
    await first.waitFor((s) => s.events.length >= 10);
    await first.close();
    const seen = seqs(first.events);
    for (let i = 0; i < 20; i++) published.push(await publish());
    const second = await connect(b.url, { token, since: seen.at(-1) });
    await second.waitFor((s) => s.events.some((e) => e.seq === published.at(-1)));
    expect([...seen, ...seqs(second.events)].filter((s) => s >= Math.min(...published))).toEqual(
      published,
    );
  });

  it('a dropped listener connection reconnects and catches up without loss', async () => {
    const token = await t.adminToken();
    const onA = await connect(urlA, { token });
    const onB = await connect(b.url, { token });
    const before = await listenerPids();
    expect(before).toHaveLength(2); // one per instance

    const published: number[] = [];
    let done = false;
    const producer = (async () => {
      while (!done) {
        published.push(await publish(randomUUID()));
        await sleep(2);
      }
    })();
    await onA.waitFor((s) => s.events.length >= 10);
    // Kill both instances' listener backends while events keep committing.
    const { rows } = await t.ctx.pool.query<{ killed: boolean }>(
      `select pg_terminate_backend(pid) as killed from pg_stat_activity
       where application_name = 'orbit360-realtime' and datname = current_database()`,
    );
    expect(rows.filter((r) => r.killed)).toHaveLength(2);
    await expect.poll(() => t.ctx.realtime.stats().listening, { timeout: 5000 }).toBe(true);
    await expect.poll(async () => (await listenerPids()).length, { timeout: 10_000 }).toBe(2);
    await sleep(200);
    done = true;
    await producer;
    const last = published.at(-1)!;
    for (const socket of [onA, onB]) {
      await socket.waitFor((s) => s.events.some((e) => e.seq === last), 10_000);
      expect(seqs(socket.events).filter((s) => s >= Math.min(...published))).toEqual(published);
    }
    const after = await listenerPids();
    expect(after.some((pid) => before.includes(pid))).toBe(false);
  });
});
