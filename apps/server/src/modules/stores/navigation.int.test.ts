import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/helpers.js';
import { catalogApi } from '../../../test/support/catalog-api.js';
import { createTestProduct } from '../../../test/support/create-test-product.js';
import { createTestStore, type TestStore } from '../../../test/support/create-test-store.js';

interface ItemJson {
  type: string;
  id?: string;
  title: string;
  url: string | null;
}

describe('merchant navigation API', () => {
  const t = setupTestApp();
  const api = catalogApi(t);
  let a: TestStore;
  let b: TestStore;
  const shop = (store: TestStore, path: string) =>
    t.app.inject({ url: path, headers: { host: `${store.slug}.localhost:5000` } });
  const navigationOf = async (store: TestStore) =>
    (await api(store, 'GET', '/api/merchant/navigation')).json() as {
      main: ItemJson[];
      footer: ItemJson[];
    };
  const pageId = async (store: TestStore, handle: string) =>
    (await api(store, 'GET', '/api/merchant/pages'))
      .json()
      .items.find((p: { handle: string }) => p.handle === handle).id as string;
  const fieldsOf = (res: { json(): { error: { details: { fields: { field: string }[] } } } }) =>
    res.json().error.details.fields.map((f) => f.field);

  beforeAll(async () => {
    a = await createTestStore(t.ctx, { storeName: 'Alder', publish: true });
    b = await createTestStore(t.ctx, { storeName: 'Birch', publish: true });
  });

  it('reads the seeded menus with links by id resolved to current URLs', async () => {
    expect((await t.app.inject({ url: '/api/merchant/navigation' })).statusCode).toBe(401);
    const { main, footer } = await navigationOf(a);
    expect(main[0]).toEqual({ type: 'url', title: 'Shop all', url: '/collections/all' });
    expect(main.find((i) => i.title === 'About')).toMatchObject({
      type: 'page',
      id: await pageId(a, 'about'),
      url: '/pages/about',
    });
    expect(main.some((i) => i.type === 'collection' && i.url?.startsWith('/collections/'))).toBe(
      true,
    );
    expect(footer.map((i) => i.url)).toContain('/pages/refund-policy');
  });

  it('saves menus and the storefront shows them, following a renamed page', async () => {
    const product = await createTestProduct(t.ctx, a.tenantId, { title: 'Walnut Board' });
    const about = await pageId(a, 'about');
    const saved = await api(a, 'PUT', '/api/merchant/navigation', {
      main: [
        { type: 'product', id: product.id, title: 'Our board' },
        { type: 'page', id: about, title: 'Who we are' },
        { type: 'url', url: 'https://instagram.com/alder', title: 'Instagram' },
      ],
      footer: [{ type: 'url', url: '/search?q=mug', title: 'Find a mug' }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().main.map((i: ItemJson) => i.url)).toEqual([
      '/products/walnut-board',
      '/pages/about',
      'https://instagram.com/alder',
    ]);
    let home = await shop(a, '/');
    expect(home.body).toContain('Who we are');
    expect(home.body).toContain('href="/products/walnut-board"');
    expect(home.body).toContain('Find a mug');
    expect(home.body).not.toContain('>Shop all<');

    await api(
      a,
      'PUT',
      `/api/merchant/pages/${about}`,
      { title: 'About us', handle: 'our-story' },
      { 'if-match': '1' },
    );
    expect((await navigationOf(a)).main[1]!.url).toBe('/pages/our-story');
    home = await shop(a, '/');
    expect(home.body).toContain('href="/pages/our-story"');

    // A page shoppers cannot see drops out of the shop's menu, not out of the merchant's.
    await api(
      a,
      'PUT',
      `/api/merchant/pages/${about}`,
      { title: 'About us', isPublished: false },
      { 'if-match': '2' },
    );
    expect((await shop(a, '/')).body).not.toContain('Who we are');
    await api(a, 'DELETE', `/api/merchant/pages/${about}`);
    const after = (await navigationOf(a)).main[1]!;
    expect(after).toMatchObject({ type: 'page', id: about, url: null });
  });

  it('refuses unknown and other tenants’ ids, bad URLs and too many items', async () => {
    const theirs = await createTestProduct(t.ctx, b.tenantId, { title: 'Birch Spoon' });
    const unknownIds = await api(a, 'PUT', '/api/merchant/navigation', {
      main: [
        { type: 'url', url: '/', title: 'Home' },
        { type: 'product', id: theirs.id, title: 'Not mine' },
      ],
      footer: [{ type: 'page', id: crypto.randomUUID(), title: 'Gone' }],
    });
    expect(unknownIds.statusCode).toBe(400);
    expect(fieldsOf(unknownIds)).toEqual(['body.main.1.id', 'body.footer.0.id']);

    const badUrls = await api(a, 'PUT', '/api/merchant/navigation', {
      main: [
        { type: 'url', url: 'javascript:alert(1)', title: 'x' },
        { type: 'url', url: 'data:text/html,hi', title: 'x' },
        { type: 'url', url: '//evil.example', title: 'x' },
        { type: 'url', url: 'http://plain.example', title: 'x' },
        { type: 'collection', id: 'nope', title: 'x' },
        { type: 'url', url: '/ok', title: '' },
      ],
      footer: [],
    });
    expect(badUrls.statusCode).toBe(400);
    expect(fieldsOf(badUrls)).toEqual(
      expect.arrayContaining([
        'body.main.0.url',
        'body.main.1.url',
        'body.main.2.url',
        'body.main.3.url',
        'body.main.4.id',
        'body.main.5.title',
      ]),
    );

    const tooMany = await api(a, 'PUT', '/api/merchant/navigation', {
      main: Array.from({ length: 51 }, (_, i) => ({ type: 'url', url: `/p${i}`, title: `P${i}` })),
      footer: [],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(fieldsOf(tooMany)).toContain('body.main');
    // Nothing was saved by the refused requests; the other store's menus are its own.
    expect((await navigationOf(a)).main[0]!.title).toBe('Our board');
    expect((await navigationOf(b)).main[0]!.title).toBe('Shop all');
  });
});
