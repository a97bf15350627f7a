import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  connectRealtime,
  type AnyRealtimeEvent,
  type RealtimeEventMap,
  type RealtimeEventType,
  type RealtimeReadyFrame,
} from '@orbit360/contracts';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { merchantToken, setupTestApp, type TestApp } from '../../../test/helpers.js';
import { createSessionService, createTokenService } from '../sessions/index.js';
import { followStorefrontEvents as invalidateStorefrontOnEvents } from '../storefront/index.js';
import { pruneEvents, publishEvent, publishEvents } from './index.js';
import { publishCommitted } from './testing/publish-committed.js';
import { drizzle } from 'drizzle-orm/node-postgres';
import {
  connectTestSocket,
  refusedUpgrade,
  type TestSocket,
} from '../../../test/support/ws-test-client.js';
import { setTimeout as sleep } from 'node:timers/promises';

async function listen(t: TestApp) {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

function publisher(t: TestApp) {
  return <K extends RealtimeEventType>(type: K, data: RealtimeEventMap[K], tenantId?: string) =>
    publishCommitted(t.ctx.db, type, data, { tenantId });
}

const settings = (field: string) => ({ fields: [field] });
const seqs = (events: AnyRealtimeEvent[]) => events.map((e) => e.seq);
const readyOf = (socket: TestSocket) =>
  socket.frames.find((f): f is RealtimeReadyFrame => f.type === 'ready');

function tenantToken(t: TestApp, tenantId: string) {
  return merchantToken(t.ctx, {
    merchantId: randomUUID(),
    tenantId,
    role: 'owner',
  });
}

describe('realtime endpoint', () => {
  const t = setupTestApp({ REALTIME_MAX_CONNECTIONS_PER_ACCOUNT: '3' });
  const publish = publisher(t);
  let baseUrl: string;
  const open: TestSocket[] = [];
  const connect = async (...args: Parameters<typeof connectTestSocket>) => {
    const socket = await connectTestSocket(...args);
    open.push(socket);
    return socket;
  };

  beforeAll(async () => {
    baseUrl = await listen(t);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it('refuses the upgrade with 401 for a missing, forged or expired token', async () => {
    const before = t.ctx.realtime.stats().connections;
    const missing = await refusedUpgrade(baseUrl, {});
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    const forger = createTokenService({
      secret: 'another-secret-another-secret-another-1',
      adminTtlMs: 3_600_000,
      merchantTtlMs: 3_600_000,
    });
    const forged = await forger.signAdmin({
      id: randomUUID(),
      sessionId: randomUUID(),
      email: 'x@y.z',
      role: 'super_admin',
    });
    expect((await refusedUpgrade(baseUrl, { token: forged })).status).toBe(401);

    const ours = (ttlMs: number) =>
      createTokenService({
        secret: t.ctx.config.auth.jwtSecret!,
        adminTtlMs: ttlMs,
        merchantTtlMs: ttlMs,
      });
    const merchant = { id: randomUUID(), merchantId: randomUUID(), tenantId: randomUUID() };
    const expired = await ours(0).signMerchant({
      ...merchant,
      sessionId: randomUUID(),
      role: 'owner',
    });
    expect((await refusedUpgrade(baseUrl, { token: expired })).status).toBe(401);
    // Signed with our key, but for a session that was never started.
    const sessionless = await ours(3_600_000).signMerchant({
      ...merchant,
      sessionId: randomUUID(),
      role: 'owner',
    });
    expect((await refusedUpgrade(baseUrl, { token: sessionless })).status).toBe(401);
    // A live session's token is not taken from the URL (it would end up in access logs).
    const live = await tenantToken(t, randomUUID());
    expect((await refusedUpgrade(baseUrl, { token: live, via: 'query' })).status).toBe(401);
    expect((await refusedUpgrade(baseUrl, { token: 'not-a-jwt', via: 'header' })).status).toBe(401);
    expect(t.ctx.realtime.stats().connections).toBe(before);
  });

  it('accepts the token as subprotocol or header, and selects orbit360', async () => {
    const token = await t.adminToken();
    for (const via of ['protocol', 'header'] as const) {
      const socket = await connect(baseUrl, { token, via });
      expect(socket.ws.protocol).toBe('orbit360');
      await socket.waitFor((s) => readyOf(s) !== undefined);
      await socket.close();
    }
  });

  it('answers a plain HTTP request and a bad `since` with 4xx, never a socket', async () => {
    const token = await t.adminToken();
    const plain = await t.app.inject({
      method: 'GET',
      url: '/api/realtime',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.code).toBe('BAD_REQUEST');
    const bad = await refusedUpgrade(`${baseUrl}`, { token, since: -5 });
    expect(bad.status).toBe(400);
  });

  it('keeps merchants in their own tenant room; admins see everything', async () => {
    const tenantA = randomUUID();
    const tenantB = randomUUID();
    const admin = await connect(baseUrl, { token: await t.adminToken('viewer') });
    const a = await connect(baseUrl, { token: await tenantToken(t, tenantA) });
    const b = await connect(baseUrl, { token: await tenantToken(t, tenantB) });
    await Promise.all([admin, a, b].map((s) => s.waitFor((x) => readyOf(x) !== undefined)));
    const start = readyOf(a)!.seq;

    const seqA = await publish('store.settings_updated', settings('a'), tenantA);
    const seqB = await publish('site.published', { versionId: randomUUID(), version: 1 }, tenantB);
    const seqP = await publish('plan.changed', { planId: randomUUID(), action: 'updated' });
    const seqA2 = await publish('store.theme_customized', { themeId: randomUUID() }, tenantA);

    await admin.waitFor((s) => s.events.some((e) => e.seq === seqA2));
    await a.waitFor((s) => s.events.some((e) => e.seq === seqA2));
    await b.waitFor((s) => s.events.some((e) => e.seq === seqB));
    await sleep(100); // anything misrouted would have arrived by now
    expect(seqs(admin.events)).toEqual(expect.arrayContaining([seqA, seqB, seqP, seqA2]));
    expect(seqs(a.events)).toEqual([seqA, seqA2]);
    expect(seqs(b.events)).toEqual([seqB]);
    expect(a.events.every((e) => e.tenantId === tenantA)).toBe(true);
    expect(a.events[0]).toMatchObject({
      type: 'store.settings_updated',
      tenantId: tenantA,
      data: { fields: ['a'] },
    });
    expect(typeof a.events[0]!.at).toBe('string');

    // Replay is filtered the same way.
    const replayB = await connect(baseUrl, {
      token: await tenantToken(t, tenantB),
      since: start,
    });
    await replayB.waitFor((s) => readyOf(s) !== undefined);
    expect(seqs(replayB.events)).toEqual([seqB]);
  });

  it('delivers concurrent commits to every client in seq order, once', async () => {
    const tenant = randomUUID();
    const admin = await connect(baseUrl, { token: await t.adminToken() });
    const merchant = await connect(baseUrl, { token: await tenantToken(t, tenant) });
    await admin.waitFor((s) => readyOf(s) !== undefined);
    const published = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        publish('store.settings_updated', settings(`f${i}`), i % 2 ? tenant : undefined),
      ),
    );
    const mine = published.filter((_, i) => i % 2).sort((x, y) => x - y);
    const last = Math.max(...published);
    await admin.waitFor((s) => s.events.some((e) => e.seq === last));
    await merchant.waitForEvents(mine.length);
    const adminSeqs = seqs(admin.events).filter((s) => s >= Math.min(...published));
    expect(adminSeqs).toEqual([...published].sort((x, y) => x - y));
    expect(seqs(merchant.events)).toEqual(mine);
  });

  it('numbers events in commit order: a transaction that inserted first but commits last comes last', async () => {
    const admin = await connect(baseUrl, { token: await t.adminToken() });
    await admin.waitFor((s) => readyOf(s) !== undefined);
    const slow = await t.ctx.pool.connect();
    try {
      await slow.query('begin');
      const early = await publishEvent(drizzle(slow), 'plan.changed', {
        planId: randomUUID(),
        action: 'updated',
      });
      // Inserted later, committed first.
      const fast = await publish('store.settings_updated', settings('fast'));
      await admin.waitFor((s) => s.events.some((e) => e.seq === fast));
      await slow.query('commit');
      const { rows } = await t.ctx.pool.query<{ seq: string }>(
        'select seq from events where id = $1',
        [early],
      );
      const slowSeq = Number(rows[0]!.seq);
      expect(slowSeq).toBeGreaterThan(fast);
      await admin.waitFor((s) => s.events.some((e) => e.seq === slowSeq));
      const tail = seqs(admin.events).filter((seq) => seq >= fast);
      expect(tail).toEqual([fast, slowSeq]);
    } finally {
      slow.release();
    }
  });

  it('numbers exactly the events a transaction keeps: a rolled-back savepoint leaves no trace', async () => {
    const client = await t.ctx.pool.connect();
    try {
      const tx = drizzle(client);
      const plan = (action: 'created' | 'updated') => ({ planId: randomUUID(), action });
      await client.query('begin');
      const first = await publishEvent(tx, 'plan.changed', plan('created'));
      await client.query('savepoint undo');
      const dropped = await publishEvent(tx, 'plan.changed', plan('updated'));
      await client.query('rollback to savepoint undo');
      const [second, third] = await publishEvents(tx, [
        { type: 'plan.changed', data: plan('updated') },
        { type: 'plan.changed', data: plan('updated') },
      ]);
      await client.query('commit');
      const { rows } = await client.query<{ id: string; seq: string | null }>(
        'select id, seq from events where id >= $1 order by id',
        [first],
      );
      const mine = rows.filter((r) => [first, second, third].includes(Number(r.id)));
      const seqsOfMine = mine.map((r) => Number(r.seq));
      expect(mine).toHaveLength(3);
      expect(seqsOfMine).toEqual([seqsOfMine[0], seqsOfMine[0]! + 1, seqsOfMine[0]! + 2]);
      expect(rows.some((r) => Number(r.id) === dropped)).toBe(false);
      // Nothing this transaction inserted is left unnumbered.
      const { rows: left } = await client.query(
        'select 1 from events where seq is null and id >= $1',
        [first],
      );
      expect(left).toEqual([]);
    } finally {
      client.release();
    }
  });

  it('simulated provisioning progress arrives in order, ending at 100', async () => {
    const tenant = randomUUID();
    const merchant = await connect(baseUrl, { token: await tenantToken(t, tenant) });
    const ids = { merchantId: randomUUID(), provisioningId: randomUUID() };
    const steps = [
      ['workspace', 25],
      ['dashboard', 40],
      ['website', 60],
      ['data', 80],
      ['credentials', 95],
      ['golive', 100],
    ] as const;
    for (const [step, progress] of steps) {
      await publish('provisioning.step_started', { ...ids, step, attempt: 1 }, tenant);
      await publish(
        'provisioning.step_completed',
        { ...ids, step, progress, durationMs: 1 },
        tenant,
      );
    }
    await publish(
      'provisioning.completed',
      { ...ids, durationMs: 12, websiteUrl: 'http://demo.localhost:5000' },
      tenant,
    );
    const events = await merchant.waitForEvents(13);
    const progress = events.flatMap((e) =>
      e.type === 'provisioning.step_completed' ? [e.data.progress] : [],
    );
    expect(progress).toEqual([25, 40, 60, 80, 95, 100]);
    expect(events.at(-1)!.type).toBe('provisioning.completed');
  });

  it('resumes with `since` after a forced disconnect: no gap, no duplicate', async () => {
    const token = await t.adminToken();
    const first = await connect(baseUrl, { token });
    await first.waitFor((s) => readyOf(s) !== undefined);
    let publishing = true;
    const published: number[] = [];
    const producer = (async () => {
      for (let i = 0; publishing || i < 60; i++) {
        published.push(await publish('store.settings_updated', settings(`r${i}`), randomUUID()));
        if (i % 10 === 0) await sleep(2);
      }
    })();
    await first.waitFor((s) => s.events.length >= 20);
    first.ws.terminate(); // as if the network dropped
    await first.closed;
    const seen = seqs(first.events);
    await sleep(30); // events keep committing while the client is away
    const second = await connect(baseUrl, { token, since: seen.at(-1) });
    await second.waitFor((s) => s.events.length >= 30);
    publishing = false;
    await producer;
    const last = Math.max(...published);
    await second.waitFor((s) => s.events.some((e) => e.seq === last));
    const all = [...seen, ...seqs(second.events)].filter((s) => s >= Math.min(...published));
    expect(all).toEqual([...published].sort((x, y) => x - y));
    expect(new Set(all).size).toBe(all.length);
    expect(readyOf(second)!.resync).toBe(false);
  });

  it('the contracts client reconnects and resumes on its own', async () => {
    const token = await t.adminToken();
    const received: AnyRealtimeEvent[] = [];
    const statuses: string[] = [];
    const client = connectRealtime({
      url: `${baseUrl.replace('http', 'ws')}/api/realtime`,
      token: () => token,
      WebSocket,
      minReconnectMs: 20,
      onEvent: (event) => received.push(event),
      onStatus: (status) => statuses.push(status),
    });
    try {
      await expect.poll(() => client.lastSeq, { timeout: 5000 }).toBeDefined();
      const published: number[] = [];
      for (let i = 0; i < 40; i++) {
        published.push(
          await publish('theme.changed', { themeId: randomUUID(), action: 'updated' }),
        );
        if (i === 15) {
          for (const ws of t.app.websocketServer.clients) ws.terminate();
        }
      }
      await expect.poll(() => received.at(-1)?.seq, { timeout: 5000 }).toBe(published.at(-1));
      expect(seqs(received).filter((s) => s >= Math.min(...published))).toEqual(published);
      expect(statuses).toContain('reconnecting');
    } finally {
      client.close();
    }
  });

  it('answers pings, reports malformed messages as error frames, and stays up', async () => {
    const socket = await connect(baseUrl, { token: await t.adminToken() });
    socket.ws.send(JSON.stringify({ type: 'ping' }));
    await socket.waitFor((s) => s.frames.some((f) => f.type === 'pong'));
    for (const junk of ['{not json', '"str"', '{"type":"subscribe"}', 'null', '[]']) {
      socket.ws.send(junk);
    }
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await socket.waitFor((s) => s.frames.filter((f) => f.type === 'error').length === 6);
    expect(socket.frames.find((f) => f.type === 'error')).toMatchObject({
      error: { code: 'BAD_REQUEST' },
    });
    const seq = await publish('plan.changed', { planId: randomUUID(), action: 'created' });
    await socket.waitFor((s) => s.events.some((e) => e.seq === seq));

    // An oversized frame closes that socket only (1009), never the server.
    const big = await connect(baseUrl, { token: await t.adminToken() });
    big.ws.send('x'.repeat(10_000));
    expect(await big.closed).toBe(1009);
    socket.ws.send(JSON.stringify({ type: 'ping' }));
    await socket.waitFor((s) => s.frames.filter((f) => f.type === 'pong').length === 2);
  });

  it('limits connections per account, whatever the number of its sessions', async () => {
    const account = { id: randomUUID(), merchantId: randomUUID(), tenantId: randomUUID() };
    const token = await merchantToken(t.ctx, account);
    const sockets = await Promise.all([1, 2, 3].map(() => connect(baseUrl, { token })));
    // A fourth sign-in of the same account gets no fourth socket.
    const refused = await refusedUpgrade(baseUrl, { token: await merchantToken(t.ctx, account) });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // Another account of the same tenant is unaffected; a freed slot can be reused.
    await (
      await connect(baseUrl, {
        token: await merchantToken(t.ctx, { ...account, id: randomUUID() }),
      })
    ).close();
    await sockets[0]!.close();
    // The server sees the close a moment after the client does (later under load).
    await vi.waitFor(() => connect(baseUrl, { token }), { timeout: 5000, interval: 50 });
  });

  it('tells a client resuming from before the retention window to resync', async () => {
    // Everything published so far becomes older than the retention period.
    const cut = await publish('plan.changed', { planId: randomUUID(), action: 'created' });
    await t.ctx.db.execute(
      sql`update events set at = now() - interval '100 hours' where seq <= ${cut}`,
    );
    const kept = await publish('plan.changed', { planId: randomUUID(), action: 'updated' });
    expect(await pruneEvents({ db: t.ctx.pool, retentionHours: 72 })).toBeGreaterThan(0);
    const token = await t.adminToken();
    const stale = await connect(baseUrl, { token, since: cut - 1 });
    await stale.waitFor((s) => readyOf(s) !== undefined);
    expect(readyOf(stale)!.resync).toBe(true);
    expect(seqs(stale.events)).toEqual([kept]); // what is left is still replayed
    const current = await connect(baseUrl, { token, since: cut });
    await current.waitFor((s) => readyOf(s) !== undefined);
    expect(readyOf(current)!.resync).toBe(false);
    expect(seqs(current.events)).toEqual([kept]);

    const future = await connect(baseUrl, { token, since: 10_000_000 });
    await future.waitFor((s) => readyOf(s) !== undefined);
    expect(readyOf(future)).toMatchObject({ resync: true });
    expect(readyOf(future)!.seq).toBeLessThan(10_000_000);
    const seq = await publish('plan.changed', { planId: randomUUID(), action: 'created' });
    await future.waitFor((s) => s.events.some((e) => e.seq === seq));
  });

  it('invalidates storefront caches from the stream', async () => {
    const calls: string[] = [];
    const unsubscribe = invalidateStorefrontOnEvents(t.ctx.realtime, {
      invalidateTenant: (tenantId) => calls.push(tenantId),
      invalidateAll: () => calls.push('*'),
    });
    try {
      const tenant = randomUUID();
      await publish('site.published', { versionId: randomUUID(), version: 2 }, tenant);
      await publish('store.theme_customized', { themeId: randomUUID() }, tenant);
      await publish('merchant.suspended', { merchantId: randomUUID() }, tenant);
      // Provisioning's data step writes the starter content; its other steps change no page.
      const step = { merchantId: randomUUID(), provisioningId: randomUUID(), durationMs: 5 };
      await publish('provisioning.step_completed', { ...step, step: 'data', progress: 80 }, tenant);
      await publish(
        'provisioning.step_completed',
        { ...step, step: 'credentials', progress: 90 },
        tenant,
      );
      // A merchant without a tenant (just activated) has no storefront: nothing is cleared —
      // activations must not flush every store's cache.
      await publish('merchant.status_changed', {
        merchantId: randomUUID(),
        status: 'provisioning',
        previous: 'pending',
      });
      await publish('theme.changed', { themeId: randomUUID(), action: 'updated' });
      await expect.poll(() => calls, { timeout: 3000 }).toEqual([tenant, tenant, tenant, '*']);
    } finally {
      unsubscribe();
    }
  });
});

describe('realtime heartbeats and sessions', () => {
  const t = setupTestApp({ REALTIME_HEARTBEAT_MS: '100' });
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await listen(t);
  });

  it('closes a socket that stops answering heartbeats; healthy ones stay', async () => {
    const token = await t.adminToken();
    const dead = await connectTestSocket(baseUrl, { token, autoPong: false });
    const healthy = await connectTestSocket(baseUrl, { token });
    expect(await dead.closed).toBe(1006);
    await sleep(300);
    expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
    await healthy.close();
  });

  it('closes the socket when its session token expires', async () => {
    const shortLived = createSessionService({
      db: t.ctx.db,
      tokens: createTokenService({
        secret: t.ctx.config.auth.jwtSecret!,
        adminTtlMs: 2000,
        merchantTtlMs: 2000,
      }),
      isStreamLive: () => false,
    });
    const account = { id: randomUUID(), merchantId: randomUUID(), tenantId: randomUUID() };
    const { token } = await shortLived.startMerchant({ ...account, role: 'owner' });
    const socket = await connectTestSocket(baseUrl, { token });
    expect(await socket.closed).toBe(4401);
  });

  it('asks clients to go away on shutdown', async () => {
    const socket = await connectTestSocket(baseUrl, { token: await t.adminToken() });
    await t.ctx.realtime.closeAll();
    expect(await socket.closed).toBe(1001);
  });
});

describe('realtime slow consumers', () => {
  // Heartbeats stay at their 30 s default here, so only the buffer limit can drop a socket.
  const t = setupTestApp({ REALTIME_MAX_BUFFERED_BYTES: '65536' });
  const publish = publisher(t);
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await listen(t);
  });

  it('disconnects a consumer that does not read, without hurting others', async () => {
    const token = await t.adminToken();
    const slow = await connectTestSocket(baseUrl, { token });
    const fast = await connectTestSocket(baseUrl, { token });
    await slow.waitFor((s) => readyOf(s) !== undefined);
    const raw = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const padding = 'p'.repeat(200_000);
    const published: number[] = [];
    for (let i = 0; i < 60; i++) {
      published.push(await publish('store.settings_updated', { fields: [padding] }, randomUUID()));
    }
    await fast.waitFor((s) => s.events.some((e) => e.seq === published.at(-1)), 10_000);
    await expect.poll(() => t.ctx.realtime.stats().connections, { timeout: 5000 }).toBe(1);
    raw.resume();
    expect(await slow.closed).toBe(1006);
    expect(slow.events.length).toBeLessThan(published.length);
    await fast.close();
  });
});
