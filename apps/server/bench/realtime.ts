/**
 * `npm run bench:realtime` — commit → WebSocket receipt latency with many clients.
 *
 * The server runs as its own process (`src/main.ts`) so the clients' CPU does not share its
 * event loop; this process holds the clients and commits events through `publishEvent` on its
 * own connections. Latency is measured from the moment COMMIT returns to the client's `message`
 * callback, on one clock; the same from the moment COMMIT is sent (so including the commit's
 * own fsync) is printed too.
 *
 * Database: a scratch database on DATABASE_URL's server, or an embedded PostgreSQL.
 * Knobs (env): BENCH_CLIENTS (1000), BENCH_ADMIN_SHARE (0.5), BENCH_TENANTS (100),
 * BENCH_RATE events/s (50), BENCH_SECONDS (10), BENCH_BURST events (300),
 * BENCH_SERVER_NODE_ARGS (node flags for the server process, e.g. `--cpu-prof`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import WebSocket from 'ws';
import { createSessionService, createTokenService } from '../src/modules/sessions/index.js';
import { createDatabase } from '../src/platform/database/index.js';
import { publishEvent } from '../src/modules/realtime/index.js';
import { startServerProcess } from '../test/server-process.js';
import { openBenchDatabase } from './bench-database.js';
import { createLogger } from '../src/platform/logger.js';
import { setTimeout as sleep } from 'node:timers/promises';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = num('BENCH_CLIENTS', 1000);
const ADMIN_SHARE = num('BENCH_ADMIN_SHARE', 0.5);
const TENANTS = num('BENCH_TENANTS', 100);
const RATE = num('BENCH_RATE', 50);
const SECONDS = num('BENCH_SECONDS', 10);
const BURST = num('BENCH_BURST', 300);
const PUBLISHERS = 4;

const out = (line = '') => process.stdout.write(`${line}\n`);
const rssMb = (pid: number) => {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
};
/** Share of time some runnable task waited for a CPU (Linux PSI): other load on the machine. */
const cpuPressure = () => {
  try {
    return /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? '?';
  } catch {
    return '?';
  }
};
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
};

interface Client {
  tenantId: string | null; // null = admin
  received: Map<number, number>; // seq → receipt time
  duplicates: number;
  outOfOrder: number;
  lastSeq: number;
}

/** Signs the clients in: one session row each, through the server's own database. */
async function connectClients(url: string, secret: string, databaseUrl: string) {
  const database = createDatabase({ url: databaseUrl, poolSize: 4, logger: createLogger('warn') });
  const sessions = createSessionService({
    db: database.db,
    tokens: createTokenService({ secret, adminTtlMs: 3_600_000, merchantTtlMs: 3_600_000 }),
    isStreamLive: () => false,
  });
  const tenants = Array.from({ length: TENANTS }, () => randomUUID());
  const clients: Client[] = [];
  const sockets: WebSocket[] = [];
  const wsUrl = `${url.replace('http', 'ws')}/api/realtime`;
  const admins = Math.round(CLIENTS * ADMIN_SHARE);
  for (let i = 0; i < CLIENTS; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, CLIENTS - i) }, async (_, j) => {
        const index = i + j;
        const tenantId = index < admins ? null : tenants[index % TENANTS]!;
        const token = tenantId
          ? (
              await sessions.startMerchant({
                id: randomUUID(),
                merchantId: randomUUID(),
                tenantId,
                role: 'owner',
              })
            ).token
          : await sessions.startAdmin({
              id: randomUUID(),
              email: `a${index}@bench`,
              role: 'viewer',
            });
        const client: Client = {
          tenantId,
          received: new Map(),
          duplicates: 0,
          outOfOrder: 0,
          lastSeq: 0,
        };
        const ws = new WebSocket(wsUrl, ['orbit360', `bearer.${token}`]);
        ws.on('message', (data) => {
          const at = performance.now();
          // The clients stand in for 1,000 browsers on one core: keep their work minimal
          // (read the seq without a full JSON.parse) so they measure the server, not themselves.
          const text = String(data);
          const typeEnd = text.indexOf('"', 9); // after {"type":"
          if (!text.slice(9, typeEnd).includes('.')) return; // control frame (ready, pong)
          const seqAt = text.indexOf('"seq":', typeEnd);
          const seq = Number.parseInt(text.slice(seqAt + 6, seqAt + 26), 10);
          if (client.received.has(seq)) client.duplicates++;
          else client.received.set(seq, at);
          if (seq < client.lastSeq) client.outOfOrder++;
          client.lastSeq = Math.max(client.lastSeq, seq);
        });
        await new Promise((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        });
        clients.push(client);
        sockets.push(ws);
      }),
    );
  }
  await database.close();
  return { clients, sockets, tenants, admins };
}

interface Sent {
  tenantId: string | null;
  commitStart: number;
  commitEnd: number;
}

async function publishOne(client: pg.Client, tenantId: string | null, sent: Map<number, Sent>) {
  await client.query('begin');
  const tx = drizzle(client);
  const id = tenantId
    ? await publishEvent(tx, 'store.settings_updated', { fields: ['bench'] }, { tenantId })
    : await publishEvent(tx, 'plan.changed', { planId: randomUUID(), action: 'updated' });
  const entry: Sent = { tenantId, commitStart: performance.now(), commitEnd: 0 };
  await client.query('commit');
  entry.commitEnd = performance.now();
  // The seq is given at commit (receipts are matched to it afterwards).
  const { rows } = await client.query<{ seq: string }>('select seq from events where id = $1', [
    id,
  ]);
  sent.set(Number(rows[0]!.seq), entry);
}

const pick = (tenants: string[]) =>
  Math.random() < 0.8 ? tenants[Math.floor(Math.random() * tenants.length)]! : null;

async function steady(publishers: pg.Client[], tenants: string[], sent: Map<number, Sent>) {
  const total = RATE * SECONDS;
  const interval = 1000 / RATE;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    await publishOne(publishers[0]!, pick(tenants), sent);
  }
}

async function burst(publishers: pg.Client[], tenants: string[], sent: Map<number, Sent>) {
  let left = BURST;
  await Promise.all(
    publishers.map(async (client) => {
      while (left-- > 0) await publishOne(client, pick(tenants), sent);
    }),
  );
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(
  label: string,
  clients: Client[],
  run: (sent: Map<number, Sent>) => Promise<void>,
) {
  const sent = new Map<number, Sent>();
  const startedAt = performance.now();
  await run(sent);
  const publishMs = performance.now() - startedAt;
  const expected = (c: Client, s: Sent) => c.tenantId === null || c.tenantId === s.tenantId;
  let want = 0;
  for (const s of sent.values()) for (const c of clients) if (expected(c, s)) want++;
  const count = () => {
    let got = 0;
    for (const c of clients) for (const seq of c.received.keys()) if (sent.has(seq)) got++;
    return got;
  };
  const deadline = performance.now() + 15_000;
  while (count() < want && performance.now() < deadline) await sleep(50);

  const fromStart: number[] = [];
  const fromEnd: number[] = [];
  let leaked = 0;
  for (const c of clients) {
    for (const [seq, at] of c.received) {
      const s = sent.get(seq);
      if (!s) continue;
      if (!expected(c, s)) leaked++;
      fromStart.push(at - s.commitStart);
      fromEnd.push(at - s.commitEnd);
    }
  }
  fromStart.sort((a, b) => a - b);
  fromEnd.sort((a, b) => a - b);
  const commits = [...sent.values()].map((s) => s.commitEnd - s.commitStart).sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(6);
  out(
    `\n${label}: ${sent.size} events in ${(publishMs / 1000).toFixed(1)} s, ${want} deliveries expected`,
  );
  out(
    `  commit → receipt (COMMIT returned → message) p50 ${f(percentile(fromEnd, 50))} ms  p95 ${f(percentile(fromEnd, 95))} ms  p99 ${f(percentile(fromEnd, 99))} ms  max ${f(fromEnd.at(-1) ?? NaN)} ms`,
  );
  out(
    `  including the COMMIT (COMMIT sent → message) p50 ${f(percentile(fromStart, 50))} ms  p95 ${f(percentile(fromStart, 95))} ms  p99 ${f(percentile(fromStart, 99))} ms`,
  );
  out(
    `  COMMIT round trip alone                      p50 ${f(percentile(commits, 50))} ms  p99 ${f(percentile(commits, 99))} ms`,
  );
  const duplicates = clients.reduce((n, c) => n + c.duplicates, 0);
  const outOfOrder = clients.reduce((n, c) => n + c.outOfOrder, 0);
  out(
    `  delivered ${fromStart.length}/${want} (${((100 * fromStart.length) / want).toFixed(2)}%), duplicates ${duplicates}, out of order ${outOfOrder}, to the wrong room ${leaked}`,
  );
  return {
    p99: percentile(fromEnd, 99),
    complete: fromStart.length === want && !leaked && !duplicates,
  };
}

async function main() {
  const database = await openBenchDatabase({ logger: createLogger('warn'), prefix: 'bench' });
  const secret = randomBytes(32).toString('base64url');

  const server = await startServerProcess({
    env: { DATABASE_URL: database.url, JWT_SECRET: secret },
    nodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean),
  }).catch(async (error) => {
    await database.drop();
    throw error;
  });
  const publishers: pg.Client[] = [];
  let sockets: WebSocket[] = [];
  try {
    out(
      `Orbit360 realtime bench — ${CLIENTS} clients (${Math.round(ADMIN_SHARE * 100)}% admins, merchants over ${TENANTS} tenants), ${database.label}`,
    );
    out(`machine CPU pressure (PSI some avg10) before the run: ${cpuPressure()}%`);
    const idleRss = rssMb(server.pid);
    const connectStart = performance.now();
    const connected = await connectClients(server.url, secret, database.url);
    sockets = connected.sockets;
    out(
      `connected ${connected.clients.length} clients in ${Math.round(performance.now() - connectStart)} ms; server RSS ${idleRss} MB idle → ${rssMb(server.pid)} MB`,
    );
    for (let i = 0; i < PUBLISHERS; i++) {
      const client = new pg.Client({
        connectionString: database.url,
        application_name: 'orbit360-bench',
      });
      await client.connect();
      publishers.push(client);
    }
    await measure('warm-up', connected.clients, async (sent) => {
      for (let i = 0; i < 50; i++) await publishOne(publishers[0]!, pick(connected.tenants), sent);
    });
    const cpu0 = cpuSeconds(server.pid);
    const wall0 = performance.now();
    const ownCpu0 = process.cpuUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const steadyResult = await measure(`steady ${RATE} events/s`, connected.clients, (sent) =>
      steady(publishers, connected.tenants, sent),
    );
    const steadySeconds = (performance.now() - wall0) / 1000;
    const cpu = (cpuSeconds(server.pid) - cpu0) / steadySeconds;
    const ownCpu = process.cpuUsage(ownCpu0);
    loopDelay.disable();
    out(
      `  bench (clients) process: CPU ${(((ownCpu.user + ownCpu.system) / 1e6 / steadySeconds) * 100).toFixed(0)}% of one core, ` +
        `event-loop delay p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms`,
    );
    const burstResult = await measure(
      `burst (${PUBLISHERS} concurrent publishers)`,
      connected.clients,
      (sent) => burst(publishers, connected.tenants, sent),
    );
    out(
      `\nmachine CPU pressure (PSI some avg10) at the end: ${cpuPressure()}% (0 = no contention)`,
    );
    out(
      `server: RSS ${rssMb(server.pid)} MB after the run; CPU during steady phase ${(cpu * 100).toFixed(0)}% of one core`,
    );
    const pass = steadyResult.p99 <= 25 && steadyResult.complete && burstResult.complete;
    out(`bar (steady p99 ≤ 25 ms, 100% delivered): ${pass ? 'PASS' : 'FAIL'}`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    for (const ws of sockets) ws.terminate();
    await Promise.all(publishers.map((c) => c.end()));
    await server.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
