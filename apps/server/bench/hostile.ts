/**
 * `npm run bench:hostile [-- --duration=5 --clients=20]`
 *
 * One store's theme must not stall the others (issue #13 item 4, ADR 012). Boots the real
 * application on a fresh database (DATABASE_URL's server, or an embedded PostgreSQL) with a
 * bystander store (Modern theme) and a store whose layout runs `{{ (1..3000000) | uniq }}` —
 * one filter call LiquidJS's render limit cannot interrupt (≈2 s of CPU on the main thread
 * before the render pool). Measures with autocannon (in a worker thread):
 *
 *  1. the bystander's cached home page, unloaded (1 connection);
 *  2. the same, while `--clients` concurrent clients hammer the hostile store's pages (cold
 *     URLs, so every request is a miss for the store) — and /healthz polled every 50 ms.
 *
 * Bars: bystander cached p99 under load ≤ 2 × unloaded; /healthz 200 throughout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/bootstrap.js';
import { createLogger } from '../src/platform/logger.js';
import { publishSite } from '../src/modules/storefront/index.js';
import { createTestStore } from '../test/support/create-test-store.js';
import { getThemeByKey, themes } from '../src/modules/themes/index.js';
import { openBenchDatabase } from './bench-database.js';

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const DURATION = arg('duration', 5);
const CLIENTS = arg('clients', 20);

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  statusCodeStats: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  workers?: number;
  requests?: { path: string }[];
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

function get(port: number, host: string, urlPath = '/') {
  return new Promise<number>((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path: urlPath, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const codes = (result: AutocannonResult) =>
  Object.entries(result.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ');

async function main() {
  const logger = createLogger('error');
  const database = await openBenchDatabase({ logger, prefix: 'bench-hostile' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orbit360-bench-hostile-data-'));
  const config = await database.productionConfig({ LOG_LEVEL: 'error', DATA_DIR: dataDir });
  const platform = await bootstrap(config, logger);
  const app = await buildApp(platform.ctx);
  try {
    const ctx = platform.ctx;
    const bystander = await createTestStore(ctx, { theme: 'modern', storeName: 'Bystander Co.' });
    const hostile = await createTestStore(ctx, { theme: 'modern', storeName: 'Hostile Co.' });
    const modern = (await getThemeByKey({ db: ctx.db, key: 'modern' }))!;
    const [theme] = await ctx.db
      .insert(themes)
      .values({
        key: 'bench-hostile',
        name: 'Bench hostile',
        preview: modern.preview,
        configSchema: modern.configSchema,
        templates: {
          ...modern.templates,
          'layout/theme.liquid': '{{ (1..3000000) | uniq | size }}{{ content_for_layout }}',
        },
      })
      .returning({ id: themes.id });
    await publishSite({
      db: ctx.db,
      tenantId: hostile.tenantId,
      themeId: theme!.id,
      actor: { type: 'admin' },
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const bystanderHost = `${bystander.slug}.${config.platform.domain}`;
    const hostileHost = `${hostile.slug}.${config.platform.domain}`;
    let first = await get(port, bystanderHost);
    for (let i = 0; i < 20 && first !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250)); // workers booting
      first = await get(port, bystanderHost);
    }
    if (first !== 200) {
      throw new Error(`bystander answered ${first}: ${JSON.stringify(ctx.renderer.stats())}`);
    }
    for (let i = 0; i < 200; i++) await get(port, bystanderHost);

    const render = config.storefront.render;
    out(
      `Hostile-theme bench — ${database.label}, Node ${process.version}, ${render.threads} render threads, timeout ${render.timeoutMs} ms, heap ${render.heapMb} MB, ${render.perStore} renders/store; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const bystanderLoad = () =>
      autocannon({
        url: `http://127.0.0.1:${port}/`,
        connections: 1,
        duration: DURATION,
        headers: { host: bystanderHost },
        workers: 1,
      });

    const unloaded = await bystanderLoad();

    // Hostile load: cold URLs of the hostile store (each a miss for the page cache).
    const hostilePaths = Array.from({ length: 200 }, (_, i) => ({ path: `/products/p-${i}` }));
    const hammer = autocannon({
      url: `http://127.0.0.1:${port}/`,
      connections: CLIENTS,
      duration: DURATION + 1,
      headers: { host: hostileHost },
      workers: 1,
      requests: hostilePaths,
    });
    const health = new Map<number, number>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const status = await get(port, 'localhost:5000', '/healthz').catch(() => 0);
        health.set(status, (health.get(status) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const loaded = await bystanderLoad();
    const hammered = await hammer;
    polling = false;
    await poller;

    out();
    out(
      `${'run'.padEnd(44)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}  statuses`,
    );
    const row = (label: string, r: AutocannonResult) =>
      out(
        `${label.padEnd(44)}${r.requests.average.toFixed(0).padStart(9)}${r.latency.p50.toFixed(1).padStart(9)}${r.latency.p99.toFixed(1).padStart(9)}${r.latency.max.toFixed(0).padStart(9)}  ${codes(r)}`,
      );
    row('bystander cached, unloaded', unloaded);
    row(`bystander cached, hostile hammered (${CLIENTS})`, loaded);
    row(`hostile store, ${CLIENTS} clients (cold URLs)`, hammered);
    const stats = ctx.renderer.stats();
    out(
      `render pool: ${stats.renders} renders, ${stats.failures} failures (${stats.timeouts} timeouts, ${stats.heapOverruns} heap overruns), ${stats.busy} refused as busy`,
    );
    const healthLine = [...health.entries()].map(([code, count]) => `${code}×${count}`).join(' ');
    out(`/healthz during the hammer: ${healthLine}`);
    out();
    const ratio = loaded.latency.p99 / Math.max(unloaded.latency.p99, 1);
    const p99Ok = loaded.latency.p99 <= 2 * Math.max(unloaded.latency.p99, 1);
    const healthOk = [...health.keys()].every((code) => code === 200);
    out(
      `bystander cached p99: ${loaded.latency.p99} ms loaded vs ${unloaded.latency.p99} ms unloaded (${ratio.toFixed(2)}×, bar ≤ 2×, 1 ms floor)  ${p99Ok ? 'PASS' : 'FAIL'}`,
    );
    out(`/healthz 200 throughout: ${healthOk ? 'PASS' : 'FAIL'}`);
    const bystanderNon200 = Object.keys(loaded.statusCodeStats).some((code) => code !== '200');
    if (!p99Ok || !healthOk || bystanderNon200) process.exitCode = 1;
  } finally {
    await app.close();
    await platform.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
