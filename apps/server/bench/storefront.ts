/**
 * `npm run bench:storefront [-- --duration=5 --rounds=3 --connections=50 --renders=2000]`
 *
 * Boots the real application on a fresh database (a new database on DATABASE_URL's server, or
 * an embedded PostgreSQL), creates a store through the storefront use-cases (seed content +
 * published site), and measures side by side with autocannon (running in a worker thread):
 *
 *  (a) the store's home page served from the page cache, through the whole app (host routing,
 *      hooks, headers, ETag);
 *  (b) the same page rendered on every request: a second app instance whose page cache is
 *      disabled (maxPageBytes 0) — each request reads the store's content from PostgreSQL and
 *      renders the Liquid theme on the render pool's workers. Measured under the same load and with one connection (pure
 *      per-request latency), plus the render function alone in a loop;
 *  (c) a bare node:http server answering the same bytes with the same headers.
 *
 * Bars: (a) ≥ 50% of (c) in requests/second; uncached render p99 ≤ 20 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/bootstrap.js';
import { createLogger } from '../src/platform/logger.js';
import {
  createRenderPool,
  createStorefrontCache,
  loadStoreEntry,
  renderStorefront,
} from '../src/modules/storefront/index.js';
import { createTestStore } from '../test/support/create-test-store.js';
import { openBenchDatabase } from './bench-database.js';

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const DURATION = arg('duration', 5);
const ROUNDS = arg('rounds', 3);
const CONNECTIONS = arg('connections', 50);
const RENDER_LOOP = arg('renders', 2000);

// autocannon ships no types; the few fields used here are declared locally.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  workers?: number;
}) => Promise<AutocannonResult>;

/** GET with an explicit Host header (fetch cannot set one). */
function get(port: number, host: string) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', path: '/', headers: { host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers as Record<string, string>,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

interface Measured {
  label: string;
  rps: number;
  /** Event-loop (main thread) busy time per request, µs: the server's own cost. */
  costUs: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(label: string, url: string, host: string, connections: number) {
  const before = performance.eventLoopUtilization();
  const result = await autocannon({
    url,
    connections,
    duration: DURATION,
    headers: { host },
    workers: 1,
  });
  const busy = performance.eventLoopUtilization(before);
  return {
    label,
    rps: result.requests.average,
    costUs: (busy.active * 1000) / Math.max(1, result.requests.total),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  } satisfies Measured;
}

function listen(server: Server | FastifyInstance): Promise<number> {
  if ('inject' in server) {
    return server
      .listen({ port: 0, host: '127.0.0.1' })
      .then((address) => Number(new URL(address).port));
  }
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

async function main() {
  const logger = createLogger('warn');
  const database = await openBenchDatabase({ logger, prefix: 'bench-sf' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orbit360-bench-sf-data-'));
  const config = await database.productionConfig({ DATA_DIR: dataDir });
  const platform = await bootstrap(config, logger);
  const apps: FastifyInstance[] = [];
  const closers: (() => Promise<void>)[] = [];
  let bare: Server | undefined;
  try {
    const ctx = platform.ctx;
    const store = await createTestStore(ctx, { theme: 'modern', storeName: 'Bench Supply Co.' });
    const host = `${store.slug}.${config.platform.domain}`;

    const cachedApp = await buildApp(ctx);
    // Every request of (b) is a miss of one store: lift the per-store render limit (ADR 012).
    const uncachedCtx = {
      ...ctx,
      storefront: createStorefrontCache({ maxPageBytes: 0, coalesce: false }),
      renderer: createRenderPool({
        ...config.storefront.render,
        perStore: config.storefront.render.threads,
        maxQueue: 10_000,
        maxQueuePerStore: 10_000,
      }),
    };
    closers.push(() => uncachedCtx.renderer.close());
    const uncachedApp = await buildApp(uncachedCtx);
    apps.push(cachedApp, uncachedApp);
    const cachedPort = await listen(cachedApp);
    const uncachedPort = await listen(uncachedApp);

    // The exact response the cached path sends, replayed by a bare node:http server.
    const sample = await get(cachedPort, host);
    if (sample.status !== 200) throw new Error(`home page answered ${sample.status}`);
    const body = sample.body;
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(sample.headers)) {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(key)) {
        headers[key] = value;
      }
    }
    bare = createServer((_req, res) => {
      res.writeHead(200, headers);
      res.end(body);
    });
    const barePort = await listen(bare);

    out(
      `Storefront bench — ${database.label}, Node ${process.version}, ${ROUNDS} interleaved rounds of ${DURATION}s per run (median shown)`,
    );
    out(
      `Home page of a Modern-theme store with seed content: ${body.length} bytes, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    out();

    // (b) the render function alone: DB reads + Liquid, no HTTP.
    const { entry } = (await loadStoreEntry({
      db: ctx.db,
      themes: uncachedCtx.storefront.themes,
      slug: store.slug,
    }))!;
    const links = { base: '', canonicalRoot: `http://${host}/`, currentPath: '/' };
    const render = () =>
      renderStorefront({
        db: ctx.db,
        renderer: uncachedCtx.renderer,
        store: entry,
        site: entry.site,
        route: { type: 'index' },
        links,
        isPreview: false,
      });
    for (let i = 0; i < 200; i++) await render();
    const timings: number[] = [];
    for (let i = 0; i < RENDER_LOOP; i++) {
      const startedAt = performance.now();
      await render();
      timings.push(performance.now() - startedAt);
    }
    timings.sort((a, b) => a - b);

    // Warm both apps, then measure (c), (a), (b) back to back.
    for (const port of [cachedPort, uncachedPort]) {
      for (let i = 0; i < 50; i++) await get(port, host);
    }
    // Interleaved rounds (c, a, b, b1, c, a, …) so background load hits every run alike;
    // the median round of each run is reported.
    const runs = [
      { label: '(c) bare node:http, same bytes', port: barePort, connections: CONNECTIONS },
      { label: '(a) cached page, full app', port: cachedPort, connections: CONNECTIONS },
      { label: '(b) uncached render, full app', port: uncachedPort, connections: CONNECTIONS },
      { label: '(b) uncached render, 1 connection', port: uncachedPort, connections: 1 },
    ];
    const rounds: Measured[][] = runs.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, run] of runs.entries()) {
        rounds[i]!.push(
          await load(run.label, `http://127.0.0.1:${run.port}/`, host, run.connections),
        );
      }
    }
    const results = rounds.map((measured) => {
      const sorted = [...measured].sort((a, b) => a.rps - b.rps);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      return {
        ...median,
        non2xx: measured.reduce((sum, m) => sum + m.non2xx, 0),
        errors: measured.reduce((sum, m) => sum + m.errors, 0),
      };
    });

    out(
      `${'run'.padEnd(36)}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'µs/req'.padStart(9)}${'non-2xx'.padStart(9)}`,
    );
    for (const r of results) {
      out(
        `${r.label.padEnd(36)}${r.rps.toFixed(0).padStart(10)}${r.p50.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${r.costUs.toFixed(0).padStart(9)}${String(r.non2xx + r.errors).padStart(9)}`,
      );
    }
    out(
      `${'(b) render function alone'.padEnd(36)}${(1000 / (timings.reduce((s, t) => s + t, 0) / timings.length)).toFixed(0).padStart(10)}${percentile(timings, 50).toFixed(2).padStart(9)}${percentile(timings, 99).toFixed(2).padStart(9)}${'-'.padStart(9)}${'-'.padStart(9)}`,
    );
    out();
    const ratio = results[1]!.rps / results[0]!.rps;
    const costRatio = results[0]!.costUs / results[1]!.costUs;
    out(
      `(a)/(c) throughput ratio: ${(ratio * 100).toFixed(1)}% measured  (bar ≥ 50%)  ${ratio >= 0.5 ? 'PASS' : 'FAIL'}`,
    );
    out(
      `(a)/(c) server capacity ratio (inverse main-thread time per request): ${(costRatio * 100).toFixed(1)}%` +
        (ratio > 0.9 ? '  — req/s above are bounded by the load generator (2 cores)' : ''),
    );
    const uncachedP99 = results[3]!.p99;
    out(
      `uncached render p99: ${uncachedP99.toFixed(1)} ms over HTTP with 1 connection, ${percentile(timings, 99).toFixed(2)} ms for the render function  (bar ≤ 20 ms)  ${uncachedP99 <= 20 ? 'PASS' : 'FAIL'}`,
    );
    out(
      `  under ${CONNECTIONS} connections the uncached p99 is queueing time: ${results[2]!.p99.toFixed(1)} ms`,
    );
    if (results.some((r) => r.non2xx + r.errors > 0)) process.exitCode = 1;
  } finally {
    for (const app of apps) await app.close();
    for (const close of closers) await close();
    await new Promise((resolve) => (bare ? bare.close(resolve) : resolve(undefined)));
    await platform.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
