import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readAsTenant } from '../../../platform/database/index.js';
import { bearer, merchantToken, setupTestApp } from '../../../../test/helpers.js';
import { getThemeByKey } from '../../themes/index.js';
import { createTestStore, type TestStore } from '../../../../test/support/create-test-store.js';

describe('merchant website API', () => {
  const t = setupTestApp();
  let store: TestStore;
  let other: TestStore;
  let token: string;
  let minimalId: string;
  const get = (url: string) =>
    t.app.inject({ url, headers: { host: `${store.slug}.localhost:5000` } });

  beforeAll(async () => {
    store = await createTestStore(t.ctx, { theme: 'modern', storeName: 'Api Shop' });
    other = await createTestStore(t.ctx, { theme: 'modern', storeName: 'Other Shop' });
    token = await merchantToken(t.ctx, {
      id: '00000000-0000-4000-8000-000000000001',
      merchantId: store.merchantId,
      tenantId: store.tenantId,
    });
    minimalId = (await getThemeByKey({ db: t.ctx.db, key: 'minimal' }))!.id;
  });

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object, auth = token) =>
    t.app.inject({ method, url, payload, headers: bearer(auth) });

  it('requires a merchant token', async () => {
    expect((await t.app.inject({ url: '/api/merchant/site' })).statusCode).toBe(401);
    const admin = await t.adminToken();
    expect((await call('GET', '/api/merchant/site', undefined, admin)).statusCode).toBe(403);
  });

  it('drafts privately, previews, publishes and rolls back', async () => {
    const state = await call('GET', '/api/merchant/site');
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({
      tenantId: store.tenantId,
      websiteUrl: `http://${store.slug}.localhost:5000/`,
      draft: null,
      versions: [{ version: 1, isLive: true, themeName: 'Modern' }],
    });

    const bad = await call('PUT', '/api/merchant/site/draft', {
      themeId: minimalId,
      settings: { colors: { primary: 'blue' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual([
      { field: 'settings.colors.primary', message: 'must be a #rrggbb color' },
    ]);

    const draft = await call('PUT', '/api/merchant/site/draft', {
      themeId: minimalId,
      settings: { features: { announcementBar: true, announcementText: 'Draft only banner' } },
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().draft.themeId).toBe(minimalId);
    expect((await get('/')).body).not.toContain('Draft only banner'); // shoppers: still live

    const link = await call('POST', '/api/merchant/site/preview-link', {});
    expect(link.statusCode).toBe(200);
    const url = new URL(link.json().url);
    expect(url.host).toBe(`${store.slug}.localhost:5000`);
    const preview = await get(`${url.pathname}${url.search}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Draft only banner');
    expect(preview.body).toContain('Preview — only you can see');

    const published = await call('POST', '/api/merchant/site/publish', {});
    expect(published.statusCode).toBe(201);
    expect(published.json().version).toBe(2);
    expect((await get('/')).body).toContain('Draft only banner');
    const after = (await call('GET', '/api/merchant/site')).json();
    expect(after.draft).toBeNull();
    expect(after.liveVersion.themeName).toBe('Minimal');

    const rollback = await call('POST', '/api/merchant/site/rollback', {
      versionId: after.versions[1].id,
    });
    expect(rollback.statusCode).toBe(200);
    expect((await get('/')).body).not.toContain('Draft only banner');

    // A preview link for an old version shows that version.
    const v2 = await call('POST', '/api/merchant/site/preview-link', {
      versionId: after.versions[0].id,
    });
    const v2url = new URL(v2.json().url);
    expect((await get(`${v2url.pathname}${v2url.search}`)).body).toContain('Draft only banner');
  });

  it("cannot touch another tenant's versions", async () => {
    const rollback = await call('POST', '/api/merchant/site/rollback', {
      versionId: other.versionId,
    });
    expect(rollback.statusCode).toBe(404);
    const link = await call('POST', '/api/merchant/site/preview-link', {
      versionId: other.versionId,
    });
    expect(link.statusCode).toBe(404);
    const malformed = await call('POST', '/api/merchant/site/rollback', { versionId: 'x' });
    expect(malformed.statusCode).toBe(400);
  });

  it('subscribes shoppers to the newsletter from the storefront form', async () => {
    const form = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/newsletter',
        headers: {
          host: `${store.slug}.localhost:5000`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: `email=${encodeURIComponent(email)}`,
      });
    const ok = await form('shopper@example.com');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('You are on the list');
    expect(ok.headers['cache-control']).toBe('no-store');
    expect((await form('shopper@example.com')).statusCode).toBe(200);
    const bad = await form('not-an-email');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Please check your email address');

    // One client signs up a bounded number of addresses (10 in 10 minutes, 2 used above).
    for (let i = 0; i < 8; i++) expect((await form(`fan${i}@example.com`)).statusCode).toBe(200);
    const limited = await form('one-too-many@example.com');
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Please try again later');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const [row] = await readAsTenant<{ n: number }>(
      t.ctx.db,
      store.tenantId,
      sql`select count(*)::int as n from newsletter_subscribers where email = 'one-too-many@example.com'`,
    );
    expect(row!.n).toBe(0);
  });
});

describe('newsletter sign-ups behind a reverse proxy', () => {
  const t = setupTestApp({ TRUST_PROXY: '1' });

  it('limits each client address, read from X-Forwarded-For', async () => {
    const store = await createTestStore(t.ctx, { storeName: 'Proxy Pottery' });
    const form = (client: string, email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/newsletter',
        remoteAddress: '10.0.0.1',
        headers: {
          host: `${store.slug}.localhost:5000`,
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': client,
        },
        payload: `email=${encodeURIComponent(email)}`,
      });
    for (let i = 0; i < 10; i++) {
      expect((await form('203.0.113.7', `a${i}@example.com`)).statusCode).toBe(200);
    }
    expect((await form('203.0.113.7', 'a10@example.com')).statusCode).toBe(429);
    expect((await form('198.51.100.9', 'b0@example.com')).statusCode).toBe(200);
  });
});
