import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers.js';
import { withTenant } from '../../../platform/database/index.js';
import { productVariants, products } from '../../catalog/index.js';
import { upsertStoreProfile } from '../../stores/index.js';
import { getThemeByKey } from '../../themes/index.js';
import { publishSite } from '../index.js';
import { createTestStore } from '../../../../test/support/create-test-store.js';
import { createTestProduct } from '../../../../test/support/create-test-product.js';

const THEMES = ['modern', 'classic', 'minimal'] as const;

describe('built-in themes', () => {
  const t = setupTestApp();
  const get = (slug: string, url: string) =>
    t.app.inject({ url, headers: { host: `${slug}.localhost:5000` } });

  it.each(THEMES)('%s renders every page type', async (theme) => {
    const store = await createTestStore(t.ctx, { theme, storeName: `Shop ${theme}` });
    // Enough products for a second listing page.
    for (let i = 0; i < 10; i++) {
      await createTestProduct(t.ctx, store.tenantId, {
        title: `Extra Item ${i}`,
        variants: [{ priceCents: 1000 + i }],
      });
    }

    const home = await get(store.slug, '/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toMatch(/^<!doctype html>/i);
    expect(home.body).toContain(`<title>Shop ${theme}</title>`);
    expect(home.body).toContain('<meta name="description" content="Shop Shop ');
    expect(home.body).toContain(
      `<link rel="canonical" href="http://${store.slug}.localhost:5000/">`,
    );
    expect(home.body).toContain('<meta property="og:title"');
    expect(home.body).toContain('<meta property="og:image" content="http://');
    expect(home.body).toContain('name="viewport"');
    expect(home.body).toContain('Thoughtfully made, everyday goods'); // hero
    expect(home.body).toContain('Stoneware Mug'); // featured products
    expect(home.body).toContain('started with a simple idea'); // about blurb
    expect(home.body).toContain('$24.00');

    const all = await get(store.slug, '/collections/all');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('All products');
    expect(all.body).toContain('18 ');
    expect(all.body).toContain('/collections/all?page=2');
    const page2 = await get(store.slug, '/collections/all?page=2');
    expect(page2.statusCode).toBe(200);
    expect(page2.body).toContain('Extra Item 9');
    expect(page2.body).toContain('All products · Page 2');
    expect((await get(store.slug, '/collections/all?page=3')).statusCode).toBe(404);
    expect((await get(store.slug, '/collections/all?page=abc')).statusCode).toBe(200);

    const category = await get(store.slug, '/collections/apparel');
    expect(category.statusCode).toBe(200);
    expect(category.body).toContain('Organic Cotton Tee');
    expect(category.body).not.toContain('Stoneware Mug</');

    const product = await get(store.slug, '/products/organic-cotton-tee');
    expect(product.statusCode).toBe(200);
    expect(product.body).toContain('<title>Organic Cotton Tee — Shop ');
    expect(product.body).toContain('<meta property="og:type" content="product">');
    expect(product.body).toContain('$32.00');
    expect(product.body).toContain('$40.00');
    expect(product.body).toContain('"@type":"Product"');
    expect(product.body).toContain('GOTS-certified');

    for (const handle of [
      'about',
      'contact',
      'shipping-policy',
      'refund-policy',
      'privacy-policy',
    ]) {
      const page = await get(store.slug, `/pages/${handle}`);
      expect(page.statusCode, handle).toBe(200);
    }
    expect((await get(store.slug, '/pages/about')).body).toContain(
      '<h1 class="page-head__title">About us</h1>',
    );

    for (const missing of [
      '/products/nope',
      '/collections/nope',
      '/pages/nope',
      '/a/b/c',
      '/favicon.ico',
    ]) {
      const res = await get(store.slug, missing);
      expect(res.statusCode, missing).toBe(404);
      expect(res.body).toContain(`Shop ${theme}`);
    }

    const sitemap = await get(store.slug, '/sitemap.xml');
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(sitemap.body).toContain(
      `<loc>http://${store.slug}.localhost:5000/products/stoneware-mug</loc>`,
    );
    expect(sitemap.body).toContain('/pages/about</loc>');
    const robots = await get(store.slug, '/robots.txt');
    expect(robots.body).toContain(`Sitemap: http://${store.slug}.localhost:5000/sitemap.xml`);
  });

  /** Per theme: home headline, collection count, product button, 404 text (de.json). */
  const GERMAN = {
    modern: [
      'Bestseller der Woche',
      '8 Produkte',
      'Jetzt bestellen',
      'Diese Seite hat sich verlaufen',
    ],
    classic: ['Lieblingsstücke der Saison', '8 Stücke', 'Dieses Stück bestellen', 'Fehler 404'],
    minimal: ['Ausgewählt', '8 Artikel', 'Bestellen', 'Nicht gefunden.'],
  } as const;

  it.each(THEMES)('%s shows its German text to a store whose locale is de-DE', async (theme) => {
    const store = await createTestStore(t.ctx, { theme, storeName: 'Laden' });
    await withTenant(t.ctx.db, store.tenantId, (tx) =>
      upsertStoreProfile(tx, { tenantId: store.tenantId, name: 'Laden', locale: 'de-DE' }),
    );
    t.ctx.storefront.invalidateTenant(store.tenantId);
    const [headline, count, order, notFound] = GERMAN[theme];
    const home = await get(store.slug, '/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="de">');
    expect(home.body).toContain('Zum Inhalt springen');
    expect(home.body).not.toContain('Skip to content');
    expect(home.body).toContain(`>${headline}<`);
    expect((await get(store.slug, '/collections/all')).body).toContain(count);
    const product = await get(store.slug, '/products/stoneware-mug');
    expect(product.body).toContain(`>${order}<`);
    expect(product.body).toContain('Brotkrumen');
    const missing = await get(store.slug, '/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain(notFound);
  });

  it.each(THEMES)(
    '%s links the engine base stylesheet before its own, served immutable',
    async (theme) => {
      const store = await createTestStore(t.ctx, { theme });
      const home = await get(store.slug, '/');
      const links = [...home.body.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map(
        (m) => m[1]!,
      );
      expect(links).toHaveLength(2);
      expect(links[0]).toMatch(/^\/assets\/base\.css\?v=[\w-]+$/);
      expect(links[1]).toMatch(/^\/assets\/theme\.css\?v=/);
      const base = await get(store.slug, links[0]!);
      expect(base.statusCode).toBe(200);
      expect(base.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(base.headers['cache-control']).toContain('immutable');
      expect(base.body).toContain('box-sizing: border-box');
      expect(base.body).toContain('.visually-hidden');
      // The theme keeps only its own layout and overrides.
      const own = await get(store.slug, links[1]!);
      expect(own.body).not.toContain('box-sizing: border-box');
      expect(own.body).not.toContain('.visually-hidden');
      // Without the version it is not cached for long.
      expect((await get(store.slug, '/assets/base.css')).headers['cache-control']).not.toContain(
        'immutable',
      );
    },
  );

  it('looks different per theme', async () => {
    const bodies = [];
    for (const theme of THEMES) {
      const store = await createTestStore(t.ctx, { theme });
      const css = await get(store.slug, '/assets/theme.css');
      bodies.push(css.body);
    }
    expect(new Set(bodies).size).toBe(3);
    expect(bodies[1]).toContain('Playfair Display');
  });

  it('escapes merchant content: a script store name renders as text', async () => {
    const name = '<script>alert(1)</script>';
    const store = await createTestStore(t.ctx, { storeName: name });
    // Written past the API (which would refuse the image URL and sanitise the description):
    // the storefront must neutralise hostile rows by itself.
    await withTenant(t.ctx.db, store.tenantId, async (tx) => {
      const [product] = await tx
        .insert(products)
        .values({
          tenantId: store.tenantId,
          handle: 'xss',
          title: '"><img src=x onerror=alert(2)>',
          description: '&lt;b&gt;bold&lt;/b&gt;',
          images: [{ url: 'javascript:alert(4)', alt: 'x" onload="alert(5)' }],
        })
        .returning();
      await tx
        .insert(productVariants)
        .values({ tenantId: store.tenantId, productId: product!.id, position: 0, priceCents: 100 });
    });
    for (const url of ['/', '/products/xss', '/pages/about', '/nope']) {
      const res = await get(store.slug, url);
      expect(res.body, url).not.toContain('<script>alert');
      expect(res.body, url).not.toContain('<img src=x');
      expect(res.body, url).not.toContain('javascript:');
      expect(res.body, url).not.toContain('" onload="');
    }
    const home = await get(store.slug, '/');
    expect(home.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const product = await get(store.slug, '/products/xss');
    expect(product.body).toContain('&lt;b&gt;bold&lt;/b&gt;');
    // Embedded JSON-LD cannot close its script element either.
    expect(product.body).not.toMatch(/"name":"[^"]*<\/script>/);
    const soon = await createTestStore(t.ctx, { storeName: name, status: 'provisioning' });
    expect((await get(soon.slug, '/')).body).not.toContain('<script>alert');
  });

  it('shows customized settings after publish, and keeps content when switching theme', async () => {
    const store = await createTestStore(t.ctx, { theme: 'modern' });
    const modern = await getThemeByKey({ db: t.ctx.db, key: 'modern' });
    await publishSite({
      db: t.ctx.db,
      storefront: t.ctx.storefront,
      tenantId: store.tenantId,
      themeId: modern!.id,
      settings: {
        colors: { primary: '#ff0066' },
        layout: { productGridColumns: 3, headerStyle: 'centered' },
        features: { announcementText: 'Summer sale: 20% off', newsletter: false },
      },
      actor: { type: 'system' },
    });
    const home = await get(store.slug, '/');
    expect(home.body).toContain('Summer sale: 20% off');
    expect(home.body).toContain('header--centered');
    expect(home.body).not.toContain('newsletter__form');
    const href = /href="(\/assets\/theme\.css\?v=[^"]+)"/.exec(home.body)![1]!;
    const css = await get(store.slug, href);
    expect(css.body).toContain('--color-primary: #ff0066;');
    expect(css.body).toContain('--layout-product-grid-columns: 3;');

    const classic = await getThemeByKey({ db: t.ctx.db, key: 'classic' });
    await publishSite({
      db: t.ctx.db,
      storefront: t.ctx.storefront,
      tenantId: store.tenantId,
      themeId: classic!.id,
      actor: { type: 'system' },
    });
    const switched = await get(store.slug, '/');
    expect(switched.body).toContain('Favourites of the season'); // Classic's copy
    expect(switched.body).toContain('Stoneware Mug'); // same content
    expect(switched.body).not.toContain('Summer sale');
  });
});
