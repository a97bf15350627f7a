/**
 * `npm run bench:catalog [-- --products=5000 --collections=50 --duration=5 --connections=8]`
 *
 * A store with a large catalog (5,000 products with a variant each, 50 collections holding
 * them all), on the real application and a fresh database (DATABASE_URL's server or an
 * embedded PostgreSQL). Measures, with concurrent keep-alive clients:
 *
 *  - uncached product pages (a random product of the 5,000 per request) and uncached
 *    collection pages (a random collection and page): an app instance without a page cache,
 *    so each request reads PostgreSQL and renders the theme — under load and with one
 *    connection (per-request latency; the bar: p99 ≤ 20 ms);
 *  - search pages (`/search?q=`, a random word), when the store serves them;
 *  - one product page served from the page cache, against a bare node:http server answering
 *    the same bytes (the bar: ≥ 50 % of its throughput).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/bootstrap.js';
import { createLogger } from '../src/platform/logger.js';
import { withTenant } from '../src/platform/database/index.js';
import { createRenderPool, createStorefrontCache } from '../src/modules/storefront/index.js';
import { createTestStore } from '../test/support/create-test-store.js';
import { openBenchDatabase } from './bench-database.js';

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const PRODUCTS = arg('products', 5000);
const COLLECTIONS = arg('collections', 50);
const DURATION_MS = arg('duration', 5) * 1000;
const CONNECTIONS = arg('connections', 8);
const WORDS = ['linen', 'ceramic', 'oak', 'wool', 'copper', 'canvas', 'amber', 'slate'];

const out = (line = '') => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

interface Run {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  non200: number;
}

/** `connections` clients GET `nextPath()` back to back for the duration; latencies in ms. */
async function load(
  label: string,
  port: number,
  host: string,
  nextPath: () => string,
  connections = CONNECTIONS,
) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let non200 = 0;
  const end = Date.now() + DURATION_MS;
  const one = (urlPath: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', path: urlPath, headers: { host }, agent });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const status = await one(nextPath());
        latencies.push(performance.now() - started);
        if (status !== 200) non200++;
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    label,
    rps: latencies.length / (DURATION_MS / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non200,
  } satisfies Run;
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
  const database = await openBenchDatabase({ logger, prefix: 'bench-cat' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orbit360-bench-cat-data-'));
  const config = await database.productionConfig({ DATA_DIR: dataDir });
  const platform = await bootstrap(config, logger);
  const apps: FastifyInstance[] = [];
  let bare: Server | undefined;
  const renderer = createRenderPool({
    ...config.storefront.render,
    perStore: config.storefront.render.threads,
    maxQueue: 10_000,
    maxQueuePerStore: 10_000,
  });
  try {
    const ctx = platform.ctx;
    const store = await createTestStore(ctx, { theme: 'modern', storeName: 'Big Catalog Co.' });
    const host = `${store.slug}.${config.platform.domain}`;
    const seeded = Date.now();
    await withTenant(ctx.db, store.tenantId, async (tx) => {
      await tx.execute(sql`
        insert into products (tenant_id, handle, title, description, status, sort_order)
        select ${store.tenantId}::uuid, 'bench-' || g,
          initcap(${sql.raw(`(array['${WORDS.join("','")}'])`)}[1 + g % ${WORDS.length}]) || ' piece ' || g,
          '<p>A well-made thing, number ' || g || '.</p>', 'active', g
        from generate_series(1, ${PRODUCTS}) g`);
      await tx.execute(sql`
        insert into product_variants (tenant_id, product_id, position, price_cents,
          inventory_quantity, track_inventory)
        select tenant_id, id, 0, 500 + (sort_order * 37) % 9500, sort_order % 7, true
        from products where handle like 'bench-%'`);
      await tx.execute(sql`
        insert into collections (tenant_id, handle, title, sort_order)
        select ${store.tenantId}::uuid, 'bench-collection-' || g, 'Collection ' || g, 100 + g
        from generate_series(1, ${COLLECTIONS}) g`);
      await tx.execute(sql`
        insert into collection_products (tenant_id, collection_id, product_id, position)
        select p.tenant_id, c.id, p.id, p.sort_order
        from products p
        join collections c on c.handle = 'bench-collection-' || (1 + p.sort_order % ${COLLECTIONS})
        where p.handle like 'bench-%'`);
    });
    // Statistics, as autovacuum would gather them (only the tables' owner may analyze).
    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    await owner.query('analyze products, product_variants, collections, collection_products');
    await owner.end();
    const seedMs = Date.now() - seeded;

    const cachedApp = await buildApp(ctx);
    const uncachedApp = await buildApp({
      ...ctx,
      storefront: createStorefrontCache({ maxPageBytes: 0, coalesce: false }),
      renderer,
    });
    apps.push(cachedApp, uncachedApp);
    const cachedPort = await listen(cachedApp);
    const uncachedPort = await listen(uncachedApp);

    const random = (n: number) => 1 + Math.floor(Math.random() * n);
    const perPage = 12;
    const pagesPerCollection = Math.max(1, Math.ceil(PRODUCTS / COLLECTIONS / perPage));
    const productPath = () => `/products/bench-${random(PRODUCTS)}`;
    const collectionPath = () =>
      `/collections/bench-collection-${random(COLLECTIONS)}?page=${random(pagesPerCollection)}`;
    const searchPath = () => `/search?q=${WORDS[random(WORDS.length) - 1]}`;

    // One fixed product page: its cached bytes, replayed by a bare server.
    const fixed = '/products/bench-1';
    const sample = await new Promise<{ headers: Record<string, string>; body: Buffer }>(
      (resolve, reject) => {
        const req = request(
          { port: cachedPort, host: '127.0.0.1', path: fixed, headers: { host } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              if (res.statusCode !== 200) reject(new Error(`${fixed} answered ${res.statusCode}`));
              else
                resolve({
                  headers: res.headers as Record<string, string>,
                  body: Buffer.concat(chunks),
                });
            });
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(sample.headers)) {
      if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(key)) {
        headers[key] = value;
      }
    }
    bare = createServer((_req, res) => {
      res.writeHead(200, headers);
      res.end(sample.body);
    });
    const barePort = await listen(bare);

    out(
      `Catalog bench — ${database.label}, Node ${process.version}, ${PRODUCTS} products in ${COLLECTIONS} collections (seeded in ${seedMs} ms), ${CONNECTIONS} connections × ${DURATION_MS / 1000} s per run`,
    );
    out(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    out();
    const runs: Run[] = [];
    runs.push(await load('uncached product page (random)', uncachedPort, host, productPath));
    runs.push(await load('  the same, 1 connection', uncachedPort, host, productPath, 1));
    runs.push(await load('uncached collection page (random)', uncachedPort, host, collectionPath));
    runs.push(await load('  the same, 1 connection', uncachedPort, host, collectionPath, 1));
    const search = await load('search page (random word)', uncachedPort, host, searchPath);
    runs.push(search, await load('  the same, 1 connection', uncachedPort, host, searchPath, 1));
    const bareRun = await load('bare node:http, same bytes', barePort, host, () => fixed);
    const cachedRun = await load('cached product page', cachedPort, host, () => fixed);
    runs.push(bareRun, cachedRun);

    out('run                                        req/s   p50 ms   p99 ms  non-200');
    for (const r of runs) {
      out(
        `${r.label.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p99
          .toFixed(1)
          .padStart(8)} ${String(r.non200).padStart(8)}`,
      );
    }
    out();
    const ratio = cachedRun.rps / bareRun.rps;
    out(
      `cached / bare node:http: ${(ratio * 100).toFixed(1)} %  (bar ≥ 50 %)  ${ratio >= 0.5 ? 'PASS' : 'FAIL'}`,
    );
    if (search.non200 === search.rps * (DURATION_MS / 1000)) {
      out('search: the store does not serve /search yet (every request non-200)');
    }
  } finally {
    for (const app of apps) await app.close();
    await renderer.close();
    bare?.close();
    await platform.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
