import { describe, expect, it, vi } from 'vitest';
import { bearer, setupTestApp } from '../../../../test/helpers.js';
import { withTenant } from '../../../platform/database/index.js';
import { upsertStoreProfile } from '../../stores/index.js';
import { getThemeByKey } from '../../themes/index.js';
import { publishSite } from '../index.js';
import { createTestStore } from '../../../../test/support/create-test-store.js';

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

/** Single filter calls LiquidJS's render limit cannot interrupt (issue #13 item 4). */
const UNBOUNDED: Record<string, string> = {
  // ≈2 s of CPU in one call, ≈300 MB: stopped by the render timeout.
  'uniq of 3 million': '{{ (1..3000000) | uniq | size }}',
  // Gigabytes in one call: stopped by the worker's heap cap (or the timeout, whichever first).
  'sort of 20 million': '{{ (1..20000000) | sort | size }}',
};

describe('hostile custom themes', () => {
  const t = setupTestApp({
    STOREFRONT_RENDER_THREADS: '2',
    STOREFRONT_RENDER_TIMEOUT_MS: '500',
    STOREFRONT_RENDER_HEAP_MB: '192',
  });
  const get = (slug: string, url = '/') =>
    t.app.inject({ url, headers: { host: `${slug}.localhost:5000` } });

  /** The Modern theme with some of its templates replaced. */
  async function createHostileTheme(key: string, templates: Record<string, string>) {
    const modern = (await getThemeByKey({ db: t.ctx.db, key: 'modern' }))!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/provisioning/themes',
      headers: bearer(await t.adminToken()),
      payload: {
        key,
        name: `Hostile ${key}`,
        preview: modern.preview,
        configSchema: modern.configSchema,
        templates: {
          ...modern.templates,
          ...templates,
        },
      },
    });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }

  async function publishAndWait(tenantId: string, themeId: string) {
    const published = new Promise<void>((resolve) => {
      const stop = t.ctx.realtime.subscribe((event) => {
        if (event.type === 'site.published' && event.tenantId === tenantId) {
          stop();
          resolve();
        }
      });
    });
    await publishSite({
      db: t.ctx.db,
      storefront: t.ctx.storefront,
      tenantId,
      themeId,
      actor: { type: 'admin' },
    });
    await published;
  }

  it.each(Object.entries(UNBOUNDED))(
    '%s: the theme-broken page, the worker replaced, other stores unaffected',
    async (name, payload) => {
      // The payload runs in the layout, so on every page.
      const themeId = await createHostileTheme(`unbounded-${name.replace(/\s/g, '-')}`, {
        'layout/theme.liquid': `${payload}{{ content_for_layout }}`,
      });
      const victim = await createTestStore(t.ctx, { storeName: 'Greedy Store' });
      const bystander = await createTestStore(t.ctx, { storeName: 'Bystander Store' });
      await publishAndWait(victim.tenantId, themeId);
      expect((await get(bystander.slug)).statusCode).toBe(200); // workers up, theme compiled
      const threadsBefore = t.ctx.renderer.threadIds();
      const before = t.ctx.renderer.stats();
      const warnings = vi.spyOn(t.ctx.logger, 'warn');
      const errors = vi.spyOn(t.ctx.logger, 'error');

      const hostile = await get(victim.slug);
      expect(hostile.statusCode).toBe(503);
      expect(hostile.body).toContain('We will be right back');
      expect(hostile.body).toContain('Greedy Store');
      expect(hostile.headers['retry-after']).toBe('30');
      const after = t.ctx.renderer.stats();
      expect(after.failures).toBe(before.failures + 1);
      // Stopped by the timeout or the heap cap, its worker terminated and replaced — or, when V8
      // throws a catchable RangeError in the worker first (it may, for the 20 million), by that
      // error; the uniq of 3 million always runs into the timeout.
      const limited = after.timeouts + after.heapOverruns - before.timeouts - before.heapOverruns;
      if (name.startsWith('uniq')) expect(limited).toBe(1);
      if (limited) {
        const threadsAfter = t.ctx.renderer.threadIds();
        expect(threadsAfter.filter((id) => !threadsBefore.includes(id)).length).toBeGreaterThan(0);
      }
      // ... logged once as a warning, never as an error.
      const failureWarnings = () =>
        warnings.mock.calls.filter((call) => call[1] === 'storefront theme failed to render');
      expect(failureWarnings()).toHaveLength(1);
      expect(failureWarnings()[0]![0]).toMatchObject({ tenantId: victim.tenantId });

      // The next request to a healthy store renders (on a fresh worker if need be).
      const healthy = await get(bystander.slug, '/products/stoneware-mug');
      expect(healthy.statusCode).toBe(200);
      expect(healthy.body).toContain('Bystander Store');

      // Hammered — 20 concurrent requests over many pages of the hostile store — while
      // /healthz is asked: the failure is cached per site version, so nothing renders again.
      const rendersBefore = t.ctx.renderer.stats().renders;
      const paths = ['/', '/collections/all', '/products/stoneware-mug', '/pages/about', '/x'];
      const [health, ...hammered] = await Promise.all([
        t.app.inject({ url: '/healthz' }),
        ...Array.from({ length: 20 }, (_, i) =>
          get(victim.slug, `${paths[i % paths.length]}?i=${i}`),
        ),
      ]);
      expect(health!.statusCode).toBe(200);
      for (const res of hammered) expect(res.statusCode).toBe(503);
      expect(t.ctx.renderer.stats().renders).toBe(rendersBefore);
      expect(failureWarnings()).toHaveLength(1);
      expect(errors).not.toHaveBeenCalled();
      warnings.mockRestore();
      errors.mockRestore();

      // A new site version (a republish) renders again — and fails again, once.
      await publishAndWait(victim.tenantId, themeId);
      expect((await get(victim.slug, '/pages/about')).statusCode).toBe(503);
      expect(t.ctx.renderer.stats().renders).toBe(rendersBefore + 1);
    },
  );

  it('a hostile store hammered with cold misses holds at most its share of the pool', async () => {
    const themeId = await createHostileTheme('unbounded-hammer', {
      'layout/theme.liquid': `${UNBOUNDED['uniq of 3 million']!}{{ content_for_layout }}`,
    });
    const victim = await createTestStore(t.ctx, { storeName: 'Hammered Store' });
    await publishAndWait(victim.tenantId, themeId);
    const before = t.ctx.renderer.stats().renders;
    // All at once, before any failure is cached: distinct pages, so no coalescing.
    const [health, ...hammered] = await Promise.all([
      t.app.inject({ url: '/healthz' }),
      ...Array.from({ length: 20 }, (_, i) => get(victim.slug, `/products/p-${i}`)),
    ]);
    expect(health!.statusCode).toBe(200);
    for (const res of hammered) expect(res.statusCode).toBe(503);
    // Two threads, one store: at most one of its renders ran; the rest waited and then
    // answered the failure that was cached meanwhile (or were refused as busy).
    expect(t.ctx.renderer.stats().renders - before).toBe(1);
    const bystander = await createTestStore(t.ctx, { storeName: 'Calm Store' });
    expect((await get(bystander.slug)).statusCode).toBe(200);
  });

  it.each(Object.entries(HOSTILE))(
    '%s fails fast with a 503 page, for that store only',
    async (name, index) => {
      const themeId = await createHostileTheme(`hostile-${name.replace(/\s/g, '-')}`, {
        'templates/index.liquid': index,
        'snippets/self.liquid': '{% render "snippets/self" %}',
      });
      const victim = await createTestStore(t.ctx, { storeName: 'Victim Store' });
      const bystander = await createTestStore(t.ctx, { storeName: 'Bystander Store' });
      // Waits for the publish's invalidation, so it cannot land between the two requests below.
      await publishAndWait(victim.tenantId, themeId);

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

      // The failure is remembered for the store's site version, whatever page is asked for:
      // answered again without rendering again.
      const renders = t.ctx.renderer.stats().renders;
      expect((await get(victim.slug)).statusCode).toBe(503);
      expect((await get(victim.slug, '/products/stoneware-mug')).statusCode).toBe(503);
      expect(t.ctx.renderer.stats().renders).toBe(renders);
      expect(failuresLogged()).toBe(failures);
      renderFailures.mockRestore();
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
      storefront: t.ctx.storefront,
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

  it('a custom theme carries its own locales: checked when saved, bounded when rendered', async () => {
    const modern = (await getThemeByKey({ db: t.ctx.db, key: 'modern' }))!;
    const save = async (key: string, templates: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/provisioning/themes',
        headers: bearer(await t.adminToken()),
        payload: {
          key,
          name: key,
          preview: modern.preview,
          configSchema: modern.configSchema,
          templates,
        },
      });
    const index =
      "<p>{{ 'home.hello' | t: name: shop.name }}|{{ 'home.only_en' | t }}|{{ 'home.not_there' | t }}</p>";
    for (const [file, source] of [
      ['locales/fr.json', '{ "home": '],
      ['locales/fr.json', '["a list"]'],
      ['locales/fr.json', '{ "home": { "hello": 3 } }'],
      ['locales/FR.json', '{}'],
      ['locales/../x.json', '{}'],
    ]) {
      const refused = await save('bad-locale', {
        [file!]: source!,
        'templates/index.liquid': index,
      });
      expect(refused.statusCode, `${file} ${source}`).toBe(400);
    }

    const huge = '{{ name }}'.repeat(15_000);
    const created = await save('parlant', {
      'locales/en.json': JSON.stringify({
        home: { hello: 'Hello {{ name }}', only_en: 'English' },
      }),
      'locales/fr.json': JSON.stringify({ home: { hello: 'Bonjour {{ name }}', huge } }),
      'templates/index.liquid': index,
      'templates/page.liquid': "{{ 'home.huge' | t: name: shop.name }}",
    });
    expect(created.statusCode).toBe(201);
    const store = await createTestStore(t.ctx, { storeName: 'Chez Léa' });
    await withTenant(t.ctx.db, store.tenantId, (tx) =>
      upsertStoreProfile(tx, { tenantId: store.tenantId, name: 'Chez Léa', locale: 'fr-CA' }),
    );
    await publishAndWait(store.tenantId, created.json().id);
    const home = await get(store.slug);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<p>Bonjour Chez Léa|English|Not there</p>');
    // 15,000 placeholders × the store name is more than one translation may produce.
    expect((await get(store.slug, '/pages/about')).statusCode).toBe(503);
  });
});
