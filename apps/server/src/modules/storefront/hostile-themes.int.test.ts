import { describe, expect, it, vi } from 'vitest';
import { bearer, setupTestApp } from '../../../test/helpers.js';
import { getThemeByKey } from '../themes/index.js';
import { publishSite } from './index.js';
import { createTestStore } from './testing/create-test-store.js';

const HOSTILE: Record<string, string> = {
  'endless loop':
    '{% for a in (1..100000) %}{% for b in (1..100000) %}{{ a }}{{ b }}{% endfor %}{% endfor %}',
  'gigantic output':
    '{% assign s = "xxxxxxxxxxxxxxxx" %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
  'raw flood':
    '{% for i in (1..100000) %}{% for p in collections %}{{ shop | json | raw }}{% endfor %}{% endfor %}',
  'infinite recursion': '{% render "snippets/self" %}',
  'syntax error': '{% if shop.name %}<h1>unclosed',
};

describe('hostile custom themes', () => {
  const t = setupTestApp();
  const get = (slug: string, url = '/') =>
    t.app.inject({ url, headers: { host: `${slug}.localhost:5000` } });

  it.each(Object.entries(HOSTILE))(
    '%s fails fast with a 503 page, for that store only',
    async (name, index) => {
      const modern = (await getThemeByKey({ db: t.ctx.db, key: 'modern' }))!;
      const key = `hostile-${name.replace(/\s/g, '-')}`;
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/provisioning/themes',
        headers: bearer(await t.adminToken()),
        payload: {
          key,
          name: `Hostile ${name}`,
          preview: modern.preview,
          configSchema: modern.configSchema,
          templates: {
            ...modern.templates,
            'templates/index.liquid': index,
            'snippets/self.liquid': '{% render "snippets/self" %}',
          },
        },
      });
      expect(created.statusCode).toBe(201);
      const victim = await createTestStore(t.ctx, { storeName: 'Victim Store' });
      const bystander = await createTestStore(t.ctx, { storeName: 'Bystander Store' });
      // The publish reaches this instance's caches through the event stream; wait for it, so
      // its invalidation cannot land between the two requests below.
      const published = new Promise<void>((resolve) => {
        const stop = t.ctx.realtime.subscribe((event) => {
          if (event.type === 'site.published' && event.tenantId === victim.tenantId) {
            stop();
            resolve();
          }
        });
      });
      await publishSite({
        db: t.ctx.db,
        tenantId: victim.tenantId,
        themeId: created.json().id,
        actor: { type: 'admin' },
      });
      await published;

      // A render that did not stop at its limits would outlast the test's timeout.
      const renderFailures = vi.spyOn(t.ctx.logger, 'warn');
      const failuresLogged = () =>
        renderFailures.mock.calls.filter((call) => call[1] === 'storefront theme failed to render')
          .length;
      const [hostile, innocent] = await Promise.all([get(victim.slug), get(bystander.slug)]);
      expect(hostile.statusCode).toBe(503);
      expect(hostile.body).toContain('We will be right back');
      expect(hostile.body).toContain('Victim Store');
      expect(hostile.headers['retry-after']).toBe('30');
      expect(innocent.statusCode).toBe(200);
      expect(innocent.body).toContain('Bystander Store');
      const failures = failuresLogged();
      expect(failures).toBeGreaterThan(0);

      // The failure is remembered for a while: answered again without rendering again.
      expect((await get(victim.slug)).statusCode).toBe(503);
      expect(failuresLogged()).toBe(failures);
      renderFailures.mockRestore();
      // Other pages of the same theme still work.
      expect((await get(victim.slug, '/products/stoneware-mug')).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    },
  );

  it('renders a custom theme created over the API (with fallbacks for missing files)', async () => {
    const modern = (await getThemeByKey({ db: t.ctx.db, key: 'modern' }))!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/provisioning/themes',
      headers: bearer(await t.adminToken()),
      payload: {
        key: 'tiny',
        name: 'Tiny',
        preview: modern.preview,
        configSchema: modern.configSchema,
        templates: {
          'templates/index.liquid':
            '<h1 class="tiny">{{ shop.name }} in {{ settings.colors.primary }}</h1>',
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const store = await createTestStore(t.ctx, { storeName: 'Tiny Shop' });
    await publishSite({
      db: t.ctx.db,
      tenantId: store.tenantId,
      themeId: created.json().id,
      settings: { colors: { primary: '#123456' } },
      actor: { type: 'admin' },
    });
    const home = await get(store.slug);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<h1 class="tiny">Tiny Shop in #123456</h1>');
    expect(home.body).toContain('<title>Tiny Shop</title>'); // fallback layout
    const product = await get(store.slug, '/products/stoneware-mug');
    expect(product.statusCode).toBe(200);
    expect(product.body).toContain('Stoneware Mug');

    // Editing the theme over the API changes the site (theme version in the cache key).
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/provisioning/themes/${created.json().id}`,
      headers: bearer(await t.adminToken()),
      payload: { templates: { 'templates/index.liquid': '<h1>Edited {{ shop.name }}</h1>' } },
    });
    expect(updated.statusCode).toBe(200);
    t.ctx.storefront.invalidateAll(); // what the realtime stream does on theme.changed
    expect((await get(store.slug)).body).toContain('<h1>Edited Tiny Shop</h1>');

    // A theme any site version uses cannot be deleted (rollback needs it), only archived.
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/provisioning/themes/${created.json().id}`,
      headers: bearer(await t.adminToken()),
    });
    expect(deleted.statusCode).toBe(409);
  });
});
