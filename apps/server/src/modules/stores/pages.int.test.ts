import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/helpers.js';
import { catalogApi } from '../../../test/support/catalog-api.js';
import { createTestStore, type TestStore } from '../../../test/support/create-test-store.js';

interface PageJson {
  id: string;
  handle: string;
  title: string;
  body: string;
  isPublished: boolean;
  isSample: boolean;
  revision: number;
}

describe('merchant pages API', () => {
  const t = setupTestApp();
  const api = catalogApi(t);
  let a: TestStore;
  let b: TestStore;
  const shop = (store: TestStore, path: string) =>
    t.app.inject({ url: path, headers: { host: `${store.slug}.localhost:5000` } });
  const pagesOf = async (store: TestStore): Promise<PageJson[]> =>
    (await api(store, 'GET', '/api/merchant/pages')).json().items;
  const pageOf = async (store: TestStore, handle: string) =>
    (await pagesOf(store)).find((p) => p.handle === handle)!;
  const fieldsOf = (res: { json(): { error: { details: { fields: { field: string }[] } } } }) =>
    res.json().error.details.fields.map((f) => f.field);

  beforeAll(async () => {
    a = await createTestStore(t.ctx, { storeName: 'Alder', publish: true });
    b = await createTestStore(t.ctx, { storeName: 'Birch', publish: true });
  });

  it('lists the seeded pages, their bodies stored as escaped HTML paragraphs', async () => {
    const anonymous = await t.app.inject({ url: '/api/merchant/pages' });
    expect(anonymous.statusCode).toBe(401);
    const pages = await pagesOf(a);
    expect(pages.map((p) => p.handle)).toEqual(
      expect.arrayContaining(['home', 'about', 'contact', 'privacy-policy']),
    );
    expect(pages.every((p) => p.isSample && p.revision === 1)).toBe(true);
    const about = (
      await api(a, 'GET', `/api/merchant/pages/${(await pageOf(a, 'about')).id}`)
    ).json();
    expect(about.body).toMatch(/^<p>Alder started with a simple idea/);
    expect(about.body.split('<p>')).toHaveLength(4);
  });

  it('creates pages with generated handles, sanitises bodies and refuses a taken handle', async () => {
    const created = await api(a, 'POST', '/api/merchant/pages', {
      title: 'Size Guide!',
      body: '<p onclick="x()">Fits <strong>true</strong><script>alert(1)</script> <a href="javascript:alert(1)">x</a> <a href="https://example.com">guide</a></p><img src=x onerror=alert(1)>',
    });
    expect(created.statusCode).toBe(201);
    const page = created.json();
    expect(page).toMatchObject({ handle: 'size-guide', isSample: false, revision: 1 });
    expect(created.headers.etag).toBe('"1"');
    expect(page.body).toBe(
      '<p>Fits <strong>true</strong> <a>x</a> <a href="https://example.com">guide</a></p>',
    );
    const again = await api(a, 'POST', '/api/merchant/pages', { title: 'Size guide' });
    expect(again.json().handle).toBe('size-guide-2');
    const clash = await api(a, 'POST', '/api/merchant/pages', { title: 'X', handle: 'about' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.field).toBe('body.handle');
    // Handles are per store: another store may use it.
    const other = await api(b, 'POST', '/api/merchant/pages', { title: 'X', handle: 'size-guide' });
    expect(other.statusCode).toBe(201);
  });

  it('validates bodies with field paths', async () => {
    const bad = await api(a, 'POST', '/api/merchant/pages', {
      title: ' ',
      handle: 'Not A Handle',
      isPublished: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining(['body.title', 'body.handle', 'body.isPublished']),
    );
  });

  it('updates with If-Match: 428 without it, 409 when stale, and the shop shows the edit', async () => {
    const about = await pageOf(a, 'about');
    const url = `/api/merchant/pages/${about.id}`;
    const input = { title: 'Our story', body: '<p>Made by <em>hand</em> in Lisbon.</p>' };
    expect((await api(a, 'PUT', url, input)).statusCode).toBe(428);
    const saved = await api(a, 'PUT', url, input, { 'if-match': '"1"' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ handle: 'about', title: 'Our story', revision: 2 });
    const stale = await api(a, 'PUT', url, { ...input, title: 'Lost' }, { 'if-match': '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentRevision).toBe(2);

    const shown = await shop(a, '/pages/about');
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('<p>Made by <em>hand</em> in Lisbon.</p>');
    expect(shown.body).toContain('Our story');
  });

  it('hides unpublished pages from shoppers', async () => {
    const contact = await pageOf(a, 'contact');
    expect((await shop(a, '/pages/contact')).statusCode).toBe(200);
    const res = await api(
      a,
      'PUT',
      `/api/merchant/pages/${contact.id}`,
      { title: 'Contact', body: '<p>Hidden</p>', isPublished: false },
      { 'if-match': String(contact.revision) },
    );
    expect(res.json().isPublished).toBe(false);
    expect((await shop(a, '/pages/contact')).statusCode).toBe(404);
  });

  it('keeps the home page: its copy is the hero, its handle stays, it cannot be deleted', async () => {
    const home = await pageOf(a, 'home');
    const url = `/api/merchant/pages/${home.id}`;
    const edited = await api(
      a,
      'PUT',
      url,
      { title: 'Slow goods for busy days', body: '<p>Hello <strong>there</strong> & welcome</p>' },
      { 'if-match': '1' },
    );
    expect(edited.statusCode).toBe(200);
    const index = await shop(a, '/');
    expect(index.body).toContain('Slow goods for busy days');
    expect(index.body).toContain('Hello there &amp; welcome');
    expect(index.body).not.toContain('&lt;strong&gt;');

    const rename = await api(a, 'PUT', url, { title: 'x', handle: 'start' }, { 'if-match': '2' });
    expect(rename.statusCode).toBe(409);
    const deleted = await api(a, 'DELETE', url);
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().error.message).toMatch(/home page cannot be deleted/);
    expect((await api(a, 'GET', url)).statusCode).toBe(200);
  });

  it('deletes other pages; other tenants’ and malformed ids are 404', async () => {
    const privacy = await pageOf(a, 'privacy-policy');
    const url = `/api/merchant/pages/${privacy.id}`;
    expect((await api(b, 'GET', url)).statusCode).toBe(404);
    expect((await api(b, 'PUT', url, { title: 'x' }, { 'if-match': '1' })).statusCode).toBe(404);
    expect((await api(b, 'DELETE', url)).statusCode).toBe(404);
    expect((await api(a, 'GET', '/api/merchant/pages/nope')).statusCode).toBe(404);
    expect((await api(a, 'DELETE', url)).statusCode).toBe(204);
    expect((await api(a, 'GET', url)).statusCode).toBe(404);
    expect((await shop(a, '/pages/privacy-policy')).statusCode).toBe(404);
    expect((await shop(b, '/pages/privacy-policy')).statusCode).toBe(200);
  });
});
