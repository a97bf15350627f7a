/**
 * `npm run bench:provisioning [-- --n=200 --concurrency=200]`
 *
 * Boots the whole platform (API, storefront, worker) in this process, as `npm start` does, on
 * a fresh database — DATABASE_URL's server, or an embedded PostgreSQL. The outside world runs
 * in its own process (`outside-world-process.ts`): the SMTP server that accepts the welcome
 * emails and the shopper who opens each new website, so this process does only the
 * platform's work. A merchant counts as done when (a) its provisioning is completed, (b) its
 * welcome email was accepted by the SMTP server and (c) its website answers 200 with its name.
 *
 * The merchants are created pending directly (like an application, without its email and
 * per-client limit). Phases, each with its own merchants: 25 sequential activations (latency without queueing),
 * 50 activations paced at 100/s (latency at the target load), then N (default 200) activated
 * in bulk — one `POST /api/provisioning/merchants/bulk-activate` — for throughput (DESIGN §4:
 * "≥ 100 activations/s in bulk"): from the request to the last merchant done. Finally the
 * floor: one bare SQL transaction inserting the same rows a provisioning creates.
 *
 * Profiling the bulk phase: `--queries` (statements sent, bytes, time in the synchronous send),
 * `--pg-statements` (embedded PostgreSQL: pg_stat_statements per statement), `--cpu-profile=FILE`
 * (a V8 CPU profile of this process; open it in Chrome DevTools).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/bootstrap.js';
import { createMerchant } from '../src/modules/merchants/index.js';
import { createLogger } from '../src/platform/logger.js';
import { freePort } from '../src/platform/net.js';
import { openBenchDatabase } from './bench-database.js';
import { measureFloor } from './provisioning-floor.js';
import { createMeter } from './provisioning-meter.js';
import { startOutsideWorld } from './outside-world-process.js';
import { setTimeout as sleep } from 'node:timers/promises';

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const N = arg('n', 200);
const BY_STATEMENT = process.argv.includes('--queries');
/** Embedded PostgreSQL only: load pg_stat_statements and print where the server's time went. */
const PG_STATEMENTS = process.argv.includes('--pg-statements');
const CONCURRENCY = arg('concurrency', 200);
const CPU_PROFILE = process.argv.find((a) => a.startsWith('--cpu-profile='))?.split('=')[1];
const SEQUENTIAL = 25;
const PACED = 50;
const TOTAL = SEQUENTIAL + PACED + N;
const PACE_PER_SECOND = 100;
const ADMIN = { email: 'bench@orbit360.local', password: 'bench-password-123456' };

const out = (line = '') => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

interface Tracked {
  id: string;
  email: string;
  storeName: string;
  startedAt?: number;
  completedAt?: number;
  siteAt?: number;
  mailAt?: number;
  done?: () => void;
}

async function main() {
  const meter = createMeter({ byStatement: BY_STATEMENT });
  const logger = createLogger('warn');
  const database = await openBenchDatabase({
    logger,
    prefix: 'bench',
    settings: PG_STATEMENTS
      ? {
          shared_preload_libraries: 'pg_stat_statements',
          'pg_stat_statements.track': 'all',
          'pg_stat_statements.track_planning': 'on',
        }
      : undefined,
  });
  const world = await startOutsideWorld();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orbit360-bench-data-'));
  const config = await database.productionConfig({
    PUBLIC_URL: `http://localhost:${port}`,
    PLATFORM_DOMAIN: `localhost:${port}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    SMTP_URL: world.smtpUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    DATA_DIR: dataDir,
  });
  const platform = await bootstrap(config, logger);
  const app = await buildApp(platform.ctx);
  await app.listen({ port, host: '127.0.0.1' });
  await platform.startWorker();
  const base = `http://127.0.0.1:${port}`;

  try {
    const call = async (method: string, url: string, body?: unknown, token?: string) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const { json: login } = await call('POST', '/api/auth/admin/login', ADMIN);
    const token = login.token as string;
    const { json: themeList } = await call('GET', '/api/provisioning/themes', undefined, token);
    const { json: planList } = await call('GET', '/api/provisioning/plans', undefined, token);
    const themeId = (themeList.items as { id: string; key: string }[]).find(
      (t) => t.key === 'modern',
    )!.id;
    const planId = (planList.items as { id: string; key: string }[]).find(
      (p) => p.key === 'starter',
    )!.id;

    // The pending merchants of all three phases, as applications leave them (not measured).
    // Created directly: the public route's per-client limit and acknowledgement email are
    // not part of provisioning (and the email would count as a welcome email here).
    const merchants: Tracked[] = [];
    for (let i = 0; i < TOTAL; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, TOTAL - i) }, async (_, j) => {
          const n = i + j;
          const storeName = `Bench Store ${n} ${process.pid}`;
          const email = `owner${n}-${process.pid}@bench.test`;
          const merchant = await createMerchant({
            db: platform.ctx.db,
            input: {
              storeName,
              ownerName: 'Bench Owner',
              email,
              businessType: 'Other',
              country: 'US',
            },
          });
          return { id: merchant.id, email, storeName };
        }),
      );
      merchants.push(...batch);
    }
    const byEmail = new Map(merchants.map((m) => [m.email, m]));
    const byId = new Map(merchants.map((m) => [m.id, m]));

    const finishIfDone = (m: Tracked) => {
      if (m.siteAt && m.mailAt) m.done?.();
    };
    world.onSeen = (seen) => {
      if (seen.kind === 'site-failed') {
        out(`website check failed for ${byId.get(seen.id)?.storeName}: ${seen.reason}`);
        return;
      }
      const m = seen.kind === 'mail' ? byEmail.get(seen.to) : byId.get(seen.id);
      if (!m) return;
      if (seen.kind === 'mail') m.mailAt = seen.at;
      else m.siteAt = seen.at;
      finishIfDone(m);
    };

    // Completion arrives over the platform's own realtime stream (no polling), with the
    // website's address; then a shopper opens the website.
    const pool = platform.ctx.pool;
    const unsubscribe = platform.ctx.realtime.subscribe((event) => {
      if (event.type !== 'provisioning.completed') return;
      const m = byId.get(event.data.merchantId);
      if (!m || m.completedAt) return;
      m.completedAt = Date.now();
      world.checkSite({
        id: m.id,
        port,
        host: new URL(event.data.websiteUrl).hostname,
        expect: m.storeName,
      });
    });

    const activate = async (m: Tracked) => {
      const finished = new Promise<void>((resolve) => (m.done = resolve));
      m.startedAt = Date.now();
      const res = await call(
        'POST',
        `/api/provisioning/merchants/${m.id}/activate`,
        { themeId, planId },
        token,
      );
      if (res.status !== 202) throw new Error(`activation answered ${res.status}`);
      return finished;
    };
    let bulkRequestMs = 0;
    const activateInBulk = async (list: Tracked[]) => {
      const finished = list.map((m) => new Promise<void>((resolve) => (m.done = resolve)));
      for (let i = 0; i < list.length; i += 500) {
        const chunk = list.slice(i, i + 500);
        const startedAt = Date.now();
        for (const m of chunk) m.startedAt = startedAt;
        const res = await call(
          'POST',
          '/api/provisioning/merchants/bulk-activate',
          { merchantIds: chunk.map((m) => m.id), themeId, planId },
          token,
        );
        const results = res.json.results as { result: string }[];
        if (res.status !== 202 || results.some((r) => r.result !== 'accepted')) {
          throw new Error(`bulk activation answered ${res.status}`);
        }
        bulkRequestMs += Date.now() - startedAt;
      }
      await Promise.all(finished);
    };
    const latencies = (list: Tracked[]) =>
      list.map((m) => Math.max(m.siteAt!, m.mailAt!) - m.startedAt!).sort((a, b) => a - b);

    const sequential = merchants.slice(0, SEQUENTIAL);
    const paced = merchants.slice(SEQUENTIAL, SEQUENTIAL + PACED);
    const burst = merchants.slice(SEQUENTIAL + PACED);

    for (const m of sequential) await activate(m);

    const pacedDone: Promise<void>[] = [];
    const pacedStart = Date.now();
    for (const [i, m] of paced.entries()) {
      const due = pacedStart + (i * 1000) / PACE_PER_SECOND;
      await sleep(Math.max(0, due - Date.now()));
      pacedDone.push(activate(m));
    }
    await Promise.all(pacedDone);

    // Started before the pause below, so starting it costs the bulk phase nothing.
    const profiler = CPU_PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    // Let the paced phase's stragglers (email jobs, realtime reads) settle before metering.
    await sleep(300);
    meter.resetStatements();
    // The extension and its reset need the owner (the app's role may not create extensions).
    const owner = PG_STATEMENTS ? new pg.Client({ connectionString: database.url }) : undefined;
    if (owner) {
      await owner.connect();
      await owner.query('create extension if not exists pg_stat_statements');
      await owner.query('select pg_stat_statements_reset()');
    }
    const before = await meter.snapshot(pool, database.name, world.pid);
    const burstStart = Date.now();
    await activateInBulk(burst);
    const burstSeconds = (Date.now() - burstStart) / 1000;
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(CPU_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }
    const after = await meter.snapshot(pool, database.name, world.pid);
    unsubscribe();

    const row = (label: string, list: Tracked[]) => {
      if (!list.length) return;
      const l = latencies(list);
      out(
        `  ${label.padEnd(20)} ${String(list.length).padStart(5)} ${[50, 95, 99]
          .map((p) => `${String(percentile(l, p)).padStart(6)} ms`)
          .join(' ')} ${String(l.at(-1)).padStart(6)} ms`,
      );
    };
    const floor = await measureFloor({ pool, merchantId: sequential[0]!.id });
    const seq = latencies(sequential);
    const pacedLat = latencies(paced);
    const throughput = burst.length / burstSeconds;

    out();
    out(
      `Provisioning benchmark — ${N} merchants, ${database.label}, worker concurrency ${CONCURRENCY}, ` +
        `Node ${process.versions.node}, ${cpus().length} cores`,
    );
    out('End to end: activate request → completed + welcome email accepted by SMTP + website 200');
    out(
      `  ${'phase'.padEnd(20)} ${'n'.padStart(5)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}`,
    );
    row('sequential', sequential);
    row(`paced ${PACE_PER_SECOND}/s`, paced);
    row('bulk (one request)', burst);
    out(
      `Throughput (bulk activation): ${burst.length} merchants in ${burstSeconds.toFixed(2)} s = ` +
        `${throughput.toFixed(0)} merchants/s`,
    );
    out(`  of which the bulk-activate request(s) took ${bulkRequestMs} ms`);
    const per = (a: number, b: number) => ((a - b) / burst.length).toFixed(1);
    out(
      `Cost per provisioning (bulk): ${per(after.queries, before.queries)} SQL round trips, ` +
        `CPU ${per(after.nodeMs, before.nodeMs)} ms Node` +
        (after.pgMs !== null && before.pgMs !== null
          ? ` + ${per(after.pgMs, before.pgMs)} ms PostgreSQL`
          : '') +
        (after.otherMs !== null && before.otherMs !== null
          ? ` (and ${per(after.otherMs, before.otherMs)} ms in the outside world's process)`
          : ''),
    );
    if (PG_STATEMENTS) {
      out(
        '  PostgreSQL time per provisioning (pg_stat_statements): calls, ms executing, ms planning',
      );
      const { rows } = await owner!.query<{
        calls: string;
        exec: number;
        plan: number;
        query: string;
      }>(
        `select calls, total_exec_time as exec, total_plan_time as plan, query
         from pg_stat_statements order by total_exec_time + total_plan_time desc limit 25`,
      );
      for (const r of rows) {
        const each = (v: number) => (v / burst.length).toFixed(3).padStart(7);
        const text = r.query.replace(/\s+/g, ' ').slice(0, 100);
        out(`  ${each(Number(r.calls))} ${each(r.exec)} ${each(r.plan)}  ${text}`);
      }
      await owner!.end();
    }
    if (BY_STATEMENT) {
      out('  per provisioning: statements, kB sent, ms in the synchronous send');
      for (const [text, { count, bytes, syncMs }] of meter.topStatements(40)) {
        const each = (v: number) => (v / burst.length).toFixed(2).padStart(6);
        out(`  ${each(count)} ${each(bytes / 1000)} ${each(syncMs)}  ${text}`);
      }
    }
    out(
      `Floor: one bare SQL transaction inserting the same ${floor.rows} rows ` +
        `(${floor.tables} tables): p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms`,
    );
    out(
      `Ratio: sequential provisioning p50 / floor p50 = ${(percentile(seq, 50) / floor.p50).toFixed(1)}×`,
    );
    const verdict = (bars: (readonly [string, boolean])[]) =>
      bars.map(([label, ok]) => `${label} ${ok ? 'PASS' : 'FAIL'}`).join(' · ');
    out(
      `Bars (DESIGN §4, issue #4): ${verdict([
        ['p50 ≤ 150 ms (sequential)', percentile(seq, 50) <= 150],
        ['p99 ≤ 500 ms (sequential)', percentile(seq, 99) <= 500],
        ['≥ 100 merchants/s (bulk)', throughput >= 100],
      ])}`,
    );
    out(
      `Stricter, our own: ${verdict([
        [
          `p99 ≤ 500 ms with ${PACE_PER_SECOND} individual activations/s`,
          !pacedLat.length || percentile(pacedLat, 99) <= 500,
        ],
      ])}`,
    );
  } finally {
    await app.close();
    await platform.close();
    await world.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    meter.restore();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
