import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers.js';
import { createPreviewToken } from '../index.js';
import {
  createTestStore,
  setStoreStatus,
  type TestStore,
} from '../../../../test/support/create-test-store.js';
import { createTestProduct } from '../../../../test/support/create-test-product.js';

const hostOf = (slug: string) => `${slug}.localhost:5000`;

describe('storefront host routing', () => {
  const t = setupTestApp();
  let alpha: TestStore;
  let beta: TestStore;

  beforeAll(async () => {
    alpha = await createTestStore(t.ctx, { slug: 'alpha', storeName: 'Alpha Outfitters' });
    beta = await createTestStore(t.ctx, { slug: 'beta', storeName: 'Beta Botanicals' });
    // A product only Beta has; no other store may ever render it.
    await createTestProduct(t.ctx, beta.tenantId, {
      title: 'Beta Secret Fern',
      variants: [{ priceCents: 1234 }],
    });
  });

  it('serves a store on its subdomain, case- and port-insensitively', async () => {
    for (const host of [
      'alpha.localhost:5000',
      'ALPHA.LocalHost:5000',
      'alpha.localhost',
      'alpha.localhost:8080',
    ]) {
      const res = await t.app.inject({ url: '/', headers: { host } });
      expect(res.statusCode, host).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('Alpha Outfitters');
      expect(res.body).not.toContain('Beta Botanicals');
    }
  });

  it('serves the same store through the path fallback with prefixed links', async () => {
    const res = await t.app.inject({ url: '/store/alpha/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Alpha Outfitters');
    expect(res.body).toContain('href="/store/alpha/products/stoneware-mug"');
    const noSlash = await t.app.inject({ url: '/store/ALPHA' });
    expect(noSlash.statusCode).toBe(200);
    // On its own host, links carry no prefix.
    const onHost = await t.app.inject({ url: '/', headers: { host: hostOf('alpha') } });
    expect(onHost.body).toContain('href="/products/stoneware-mug"');
    expect(onHost.body).not.toContain('/store/alpha');
  });

  it('answers unknown hosts and slugs with the branded 404 page', async () => {
    for (const request of [
      { url: '/', headers: { host: hostOf('nope') } },
      { url: '/store/nope/' },
      { url: '/products/x', headers: { host: 'a.b.localhost:5000' } },
      { url: '/', headers: { host: 'bad_label.localhost:5000' } },
    ]) {
      const res = await t.app.inject(request);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('There is no store at this address');
      expect(res.body).toContain('Orbit360');
    }
  });

  it("never shows another store's content through a path on a store's host", async () => {
    const res = await t.app.inject({ url: '/store/beta/', headers: { host: hostOf('alpha') } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Alpha Outfitters');
    expect(res.body).not.toContain('Beta Botanicals');
    const product = await t.app.inject({
      url: '/store/beta/products/beta-secret-fern',
      headers: { host: hostOf('alpha') },
    });
    expect(product.statusCode).toBe(404);
    expect(product.body).not.toContain('Beta Secret Fern');
  });

  it("never renders another tenant's products", async () => {
    const own = await t.app.inject({
      url: '/products/beta-secret-fern',
      headers: { host: hostOf('beta') },
    });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Beta Secret Fern');
    const other = await t.app.inject({
      url: '/products/beta-secret-fern',
      headers: { host: hostOf('alpha') },
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Beta Secret Fern');
    const listing = await t.app.inject({
      url: '/collections/all',
      headers: { host: hostOf('alpha') },
    });
    expect(listing.body).not.toContain('Beta Secret Fern');
    const sitemap = await t.app.inject({ url: '/sitemap.xml', headers: { host: hostOf('alpha') } });
    expect(sitemap.body).not.toContain('beta-secret-fern');
  });

  it('keeps API routes working on the platform host', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/api/provisioning/themes' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: '/healthz', headers: { host: 'localhost:5000' } })).statusCode,
    ).toBe(200);
    // A store's host belongs to the store entirely: no API there.
    const onStore = await t.app.inject({ url: '/healthz', headers: { host: hostOf('alpha') } });
    expect(onStore.statusCode).toBe(404);
    expect(onStore.body).toContain('Alpha Outfitters');
  });

  it('shows "coming soon" while provisioning and "unavailable" when suspended, unless previewed', async () => {
    const store = await createTestStore(t.ctx, {
      storeName: 'Gamma Goods',
      status: 'provisioning',
    });
    const soon = await t.app.inject({ url: '/', headers: { host: hostOf(store.slug) } });
    expect(soon.statusCode).toBe(503);
    expect(soon.body).toContain('Gamma Goods is opening soon');
    expect(soon.headers['retry-after']).toBeDefined();
    expect(soon.headers['cache-control']).toBe('no-store');

    const token = createPreviewToken({ secret: t.ctx.secrets.preview, tenantId: store.tenantId });
    const preview = await t.app.inject({
      url: `/?preview=${token}`,
      headers: { host: hostOf(store.slug) },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Gamma Goods');
    expect(preview.headers['cache-control']).toBe('private, no-store');
    expect(preview.headers['x-robots-tag']).toBe('noindex');
    // Links keep the preview going.
    expect(preview.body).toContain(`/collections/all?preview=${token}`);

    // Another tenant's token or a forged one is no preview.
    const foreign = createPreviewToken({ secret: t.ctx.secrets.preview, tenantId: alpha.tenantId });
    for (const bad of [foreign, `${token}x`, 'garbage']) {
      const res = await t.app.inject({
        url: `/?preview=${bad}`,
        headers: { host: hostOf(store.slug) },
      });
      expect(res.statusCode).toBe(503);
    }
    const expired = createPreviewToken({
      secret: 'another-secret-another-secret-123',
      tenantId: store.tenantId,
    });
    expect(
      (await t.app.inject({ url: `/?preview=${expired}`, headers: { host: hostOf(store.slug) } }))
        .statusCode,
    ).toBe(503);

    await setStoreStatus(t.ctx, store.tenantId, 'suspended');
    const suspended = await t.app.inject({
      url: '/products/stoneware-mug',
      headers: { host: hostOf(store.slug) },
    });
    expect(suspended.statusCode).toBe(503);
    expect(suspended.body).toContain('Gamma Goods is currently unavailable');
    expect(suspended.body).not.toContain('Stoneware Mug');
    // A preview link stops working when the store is suspended (issue #13).
    const suspendedPreview = await t.app.inject({
      url: `/?preview=${token}`,
      headers: { host: hostOf(store.slug) },
    });
    expect(suspendedPreview.statusCode).toBe(503);
    expect(suspendedPreview.body).toContain('Gamma Goods is currently unavailable');
    expect(suspendedPreview.body).not.toContain('Stoneware Mug');

    await setStoreStatus(t.ctx, store.tenantId, 'live');
    const live = await t.app.inject({ url: '/', headers: { host: hostOf(store.slug) } });
    expect(live.statusCode).toBe(200);
  });

  it('sends security and cache headers, ETags and 304s', async () => {
    const res = await t.app.inject({ url: '/', headers: { host: hostOf('alpha') } });
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("style-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.app.inject({
      url: '/',
      headers: { host: hostOf('alpha'), 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await t.app.inject({
      url: '/',
      headers: { host: hostOf('alpha'), 'if-none-match': '"stale"' },
    });
    expect(other.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const system = await t.app.inject({ url: '/', headers: { host: hostOf('nope') } });
    expect(system.headers['content-security-policy']).toMatch(/style-src 'sha256-/);
    expect(system.headers['content-security-policy']).toContain("script-src 'none'");
    expect(system.headers['x-content-type-options']).toBe('nosniff');
  });

  it("allows scripts on the path fallback only from the store's own path", async () => {
    // Every store shares the API's origin under /store/<slug>/: 'self' would let a page load
    // another store's theme scripts.
    for (const url of ['/store/alpha/', '/store/alpha/products/stoneware-mug']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      const csp = res.headers['content-security-policy'] as string;
      const scripts = csp.split('; ').find((d) => d.startsWith('script-src '));
      expect(scripts).toBe('script-src http://localhost:5000/store/alpha/');
    }
    const beta = await t.app.inject({ url: '/store/beta/' });
    expect(beta.headers['content-security-policy']).toContain(
      'script-src http://localhost:5000/store/beta/;',
    );
  });

  it('serves versioned assets as immutable and redirects listing roots', async () => {
    const home = await t.app.inject({ url: '/', headers: { host: hostOf('alpha') } });
    const href = /href="(\/assets\/theme\.css\?v=[^"]+)"/.exec(home.body)![1]!;
    const css = await t.app.inject({ url: href, headers: { host: hostOf('alpha') } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.body).toContain('--color-primary: #4f46e5;');
    const unversioned = await t.app.inject({
      url: '/assets/theme.css',
      headers: { host: hostOf('alpha') },
    });
    expect(unversioned.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const svg = await t.app.inject({
      url: '/assets/placeholder/mug-24.svg',
      headers: { host: hostOf('alpha') },
    });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toContain('<svg');
    const redirect = await t.app.inject({ url: '/store/alpha/products' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/store/alpha/collections/all');
  });
});

describe('storefront edge requests', () => {
  const t = setupTestApp();

  it('answers long paths, odd queries and HEAD with storefront pages', async () => {
    const store = await createTestStore(t.ctx, { storeName: 'Edge Shop' });
    const host = `${store.slug}.localhost:5000`;
    const long = await t.app.inject({ url: `/products/${'x'.repeat(300)}`, headers: { host } });
    expect(long.statusCode).toBe(404);
    expect(long.body).toContain('Edge Shop');
    const pathLong = await t.app.inject({ url: `/store/${store.slug}/pages/${'y'.repeat(300)}` });
    expect(pathLong.statusCode).toBe(404);
    expect(pathLong.body).toContain('Edge Shop');
    const odd = await t.app.inject({
      url: '/collections/all?page=1&page=2&preview=a&preview=b',
      headers: { host },
    });
    expect(odd.statusCode).toBe(200);
    const head = await t.app.inject({ method: 'HEAD', url: '/', headers: { host } });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBeDefined();
  });
});

describe('storefront system pages', () => {
  const lines: string[] = [];
  const t = setupTestApp(
    {},
    {
      logStream: new Writable({ write: (chunk, _e, done) => done(void lines.push(String(chunk))) }),
    },
  );

  it('answer unknown, coming-soon and suspended stores without logging an error', async () => {
    const soon = await createTestStore(t.ctx, { storeName: 'Soon Shop', status: 'provisioning' });
    const gone = await createTestStore(t.ctx, { storeName: 'Gone Shop', status: 'suspended' });
    const requests = [
      { url: '/', host: hostOf('nobody-here'), status: 404 },
      { url: '/store/nobody-here/', host: 'localhost:5000', status: 404 },
      { url: '/', host: hostOf(soon.slug), status: 503 },
      { url: '/products/stoneware-mug', host: hostOf(gone.slug), status: 503 },
    ];
    for (const request of requests) {
      const res = await t.app.inject({ url: request.url, headers: { host: request.host } });
      expect(res.statusCode, request.url).toBe(request.status);
    }
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(entries.filter((entry) => entry.level >= 50)).toEqual([]);
    // The requests themselves were logged (the stream sees the app's log lines).
    expect(entries.length).toBeGreaterThan(0);
  });
});
