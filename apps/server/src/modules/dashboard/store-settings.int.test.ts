import type { StoreSettings } from '@orbit360/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, merchantToken, setupTestApp } from '../../../test/helpers.js';
import { withTenant } from '../../platform/database/index.js';
import { upsertStoreProfile } from '../stores/index.js';
import { connectTestSocket, type TestSocket } from '../../../test/support/ws-test-client.js';
import { createTestStore, type TestStore } from '../../../test/support/create-test-store.js';

describe('merchant store settings', () => {
  const t = setupTestApp();
  let storeA: TestStore;
  let storeB: TestStore;
  let baseUrl: string;
  const tokenFor = (store: TestStore) =>
    merchantToken(t.ctx, {
      merchantId: store.merchantId,
      tenantId: store.tenantId,
      role: 'owner',
    });
  const put = async (store: TestStore, payload: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/merchant/store',
      headers: bearer(await tokenFor(store)),
      payload: payload as object,
    });
  const home = (store: TestStore) =>
    t.app.inject({ url: '/', headers: { host: `${store.slug}.localhost:5000` } });

  beforeAll(async () => {
    storeA = await createTestStore(t.ctx, { storeName: 'Alder & Ash', theme: 'classic' });
    storeB = await createTestStore(t.ctx, { storeName: 'Birch Supply', theme: 'classic' });
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.app.close());

  it('reads and updates the store of the token only', async () => {
    const read = await t.app.inject({
      url: '/api/merchant/store',
      headers: bearer(await tokenFor(storeA)),
    });
    expect(read.json()).toMatchObject({ name: 'Alder & Ash', currency: 'USD' });

    const updated = await put(storeA, {
      tagline: 'Small-batch woodwork',
      currency: 'eur',
      timezone: 'Europe/Paris',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      tagline: 'Small-batch woodwork',
      currency: 'EUR',
      timezone: 'Europe/Paris',
    });

    const other = await t.app.inject({
      url: '/api/merchant/store',
      headers: bearer(await tokenFor(storeB)),
    });
    expect(other.json()).toMatchObject({ name: 'Birch Supply', currency: 'USD' });
    expect(other.json().tagline).not.toBe('Small-batch woodwork');
  });

  it('shows the change to shoppers at once (cached pages dropped)', async () => {
    expect((await home(storeB)).body).not.toContain('Hand-turned bowls');
    await home(storeB); // warm the cache
    expect((await put(storeB, { tagline: 'Hand-turned bowls' })).statusCode).toBe(200);
    expect((await home(storeB)).body).toContain('Hand-turned bowls');
    expect((await home(storeA)).body).not.toContain('Hand-turned bowls');
  });

  it('renames the starter pages the merchant never edited, and the admin panel record', async () => {
    const store = await createTestStore(t.ctx, { storeName: 'Cedar', publish: true });
    const headers = bearer(await tokenFor(store));
    const pageList = async () =>
      (await t.app.inject({ url: '/api/merchant/pages', headers })).json().items as {
        id: string;
        handle: string;
        revision: number;
      }[];
    const pageBody = async (handle: string) => {
      const page = (await pageList()).find((p) => p.handle === handle)!;
      return (await t.app.inject({ url: `/api/merchant/pages/${page.id}`, headers })).json();
    };
    const contact = await pageBody('contact');
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/merchant/pages/${contact.id}`,
      headers: { ...headers, 'if-match': `"${contact.revision}"` },
      payload: { title: 'Contact', body: '<p>Cedar: write to hello@cedar.test</p>' },
    });
    expect(edited.statusCode).toBe(200);

    expect((await put(store, { name: 'Cedar & Pine' })).statusCode).toBe(200);
    const about = await pageBody('about');
    expect(about.body).toMatch(/^<p>Cedar &amp; Pine started with a simple idea/);
    expect(about.revision).toBe(2);
    expect((await pageBody('home')).body).toContain('Welcome to Cedar &amp; Pine.');
    // The page the merchant wrote is theirs: untouched.
    expect((await pageBody('contact')).body).toBe('<p>Cedar: write to hello@cedar.test</p>');
    const aboutPage = await t.app.inject({
      url: '/pages/about',
      headers: { host: `${store.slug}.localhost:5000` },
    });
    expect(aboutPage.body).toContain('Cedar &amp; Pine started');

    const admin = await t.app.inject({
      url: `/api/admin/merchants/${store.merchantId}`,
      headers: bearer(await t.adminToken('viewer')),
    });
    expect(admin.json()).toMatchObject({ storeName: 'Cedar & Pine' });
    // Saving the same name again changes nothing.
    expect((await put(store, { name: 'Cedar & Pine' })).statusCode).toBe(200);
    expect((await pageBody('about')).revision).toBe(2);
  });

  it('names invalid fields', async () => {
    const res = await put(storeA, {
      timezone: 'Mars/Olympus',
      locale: 'not a locale!!',
      currency: 'ZZZ1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.fields).toEqual([
      { field: 'body.currency', message: 'must be a supported currency code such as USD' },
      { field: 'body.timezone', message: 'must be an IANA time zone such as Europe/Paris' },
      { field: 'body.locale', message: 'must be a supported locale such as en-US' },
    ]);
    // Real codes and tags, but not offered.
    const unlisted = await put(storeA, { currency: 'THB', locale: 'ko-KR' });
    expect(unlisted.statusCode).toBe(400);
    expect(unlisted.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'body.currency',
      'body.locale',
    ]);
    expect((await put(storeA, {})).statusCode).toBe(400);
    expect((await put(storeA, { currency: '' })).statusCode).toBe(400);
    expect((await put(storeA, { contactEmail: 'nope' })).statusCode).toBe(400);
  });

  it('keeps a currency or locale set before the supported lists, until it is changed', async () => {
    const legacy = await createTestStore(t.ctx, { currency: 'THB', theme: 'classic' });
    await withTenant(t.ctx.db, legacy.tenantId, (tx) =>
      upsertStoreProfile(tx, {
        tenantId: legacy.tenantId,
        name: 'Old Siam Goods',
        locale: 'th-TH',
        timezone: 'Asia/Bangkok',
      }),
    );
    const read = await t.app.inject({
      url: '/api/merchant/store',
      headers: bearer(await tokenFor(legacy)),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ currency: 'THB', locale: 'th-TH' });

    // Saved back unchanged with the rest of the form (or left out): accepted and kept.
    const { updatedAt: _updatedAt, ...saved } = read.json() as StoreSettings;
    const resent = await put(legacy, { ...saved, tagline: 'Teak' });
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ tagline: 'Teak', currency: 'THB', locale: 'th-TH' });
    expect((await put(legacy, { tagline: 'Teak & silk' })).json()).toMatchObject({
      currency: 'THB',
      locale: 'th-TH',
    });

    // A change must be to a supported value, and once changed the old one is not offered back.
    const other = await put(legacy, { currency: 'VND' });
    expect(other.json().error.details.fields).toEqual([
      { field: 'body.currency', message: 'must be a supported currency code such as USD' },
    ]);
    expect((await put(legacy, { currency: 'eur', locale: 'en-gb' })).json()).toMatchObject({
      currency: 'EUR',
      locale: 'en-GB',
    });
    expect((await put(legacy, { currency: 'THB' })).statusCode).toBe(400);
  });

  it('is for merchants only', async () => {
    const admin = await t.app.inject({
      url: '/api/merchant/store',
      headers: bearer(await t.adminToken()),
    });
    expect(admin.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/merchant/store' })).statusCode).toBe(401);
  });

  it('syncs every open session of the tenant and admins, and no other tenant', async () => {
    const sockets: TestSocket[] = await Promise.all([
      connectTestSocket(baseUrl, { token: await tokenFor(storeA) }),
      connectTestSocket(baseUrl, { token: await tokenFor(storeA) }),
      connectTestSocket(baseUrl, { token: await t.adminToken('viewer') }),
      connectTestSocket(baseUrl, { token: await tokenFor(storeB) }),
    ]);
    const [tabOne, tabTwo, admin, otherTenant] = sockets;
    expect((await put(storeA, { name: 'Alder & Ash Workshop' })).statusCode).toBe(200);
    const isUpdate = (s: TestSocket) => s.events.some((e) => e.type === 'store.settings_updated');
    for (const socket of [tabOne!, tabTwo!, admin!]) await socket.waitFor(isUpdate);
    const event = tabOne!.events.find((e) => e.type === 'store.settings_updated')!;
    expect(event).toMatchObject({ tenantId: storeA.tenantId, data: { fields: ['name'] } });
    // A later event for the other tenant proves its socket was listening all along.
    expect((await put(storeB, { logoText: 'BS' })).statusCode).toBe(200);
    await otherTenant!.waitFor((s) => s.events.some((e) => e.type === 'store.settings_updated'));
    expect(otherTenant!.events.every((e) => e.tenantId === storeB.tenantId)).toBe(true);
    await Promise.all(sockets.map((s) => s.close()));
  });
});
