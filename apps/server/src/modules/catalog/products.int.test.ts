import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, setupTestApp } from '../../../test/helpers.js';
import { catalogApi } from '../../../test/support/catalog-api.js';
import { createTestStore, type TestStore } from '../../../test/support/create-test-store.js';
import { productInput } from '../../../test/support/create-test-product.js';
import { plans } from '../plans/index.js';
import { tenants } from '../tenants/index.js';

describe('merchant products API', () => {
  const t = setupTestApp();
  const api = catalogApi(t);
  let a: TestStore;
  let b: TestStore;

  beforeAll(async () => {
    a = await createTestStore(t.ctx, { storeName: 'Alder' });
    b = await createTestStore(t.ctx, { storeName: 'Birch' });
  });

  it('refuses anonymous callers and admins', async () => {
    expect((await t.app.inject({ url: '/api/merchant/products' })).statusCode).toBe(401);
    const admin = await t.app.inject({
      url: '/api/merchant/products',
      headers: bearer(await t.adminToken()),
    });
    expect(admin.statusCode).toBe(403);
  });

  it('validates bodies, queries and headers with field paths', async () => {
    const fieldsOf = (res: { json(): { error: { details: { fields: { field: string }[] } } } }) =>
      res.json().error.details.fields.map((f) => f.field);

    const empty = await api(a, 'POST', '/api/merchant/products', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(empty)).toEqual(expect.arrayContaining(['body.title', 'body.variants']));

    const mismatch = await api(
      a,
      'POST',
      '/api/merchant/products',
      productInput({
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [
          { optionValues: ['S'], priceCents: 100 },
          { optionValues: ['XL'], priceCents: 1 },
        ],
      }),
    );
    expect(mismatch.statusCode).toBe(400);
    expect(fieldsOf(mismatch)).toEqual(['body.variants.1.optionValues.0']);

    const tooMany = await api(
      a,
      'POST',
      '/api/merchant/products',
      productInput({
        options: ['A', 'B', 'C', 'D'].map((name) => ({ name, values: ['x'] })),
        variants: [{ optionValues: ['x', 'x', 'x', 'x'], priceCents: 1 }],
      }),
    );
    expect(fieldsOf(tooMany)).toContain('body.options');

    const negative = await api(a, 'POST', '/api/merchant/products', {
      title: 'x',
      variants: [{ priceCents: -1 }],
      images: [{ url: 'javascript:alert(1)' }],
      handle: 'Not A Handle',
    });
    expect(fieldsOf(negative)).toEqual(
      expect.arrayContaining(['body.variants.0.priceCents', 'body.images.0.url', 'body.handle']),
    );

    for (const query of ['status=gone', 'collectionId=nope', 'page=0']) {
      const res = await api(a, 'GET', `/api/merchant/products?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(fieldsOf(res)[0], query).toMatch(/^querystring\./);
    }

    const unknownCollection = await api(
      a,
      'POST',
      '/api/merchant/products',
      productInput({ collectionIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(unknownCollection.statusCode).toBe(400);
    expect(fieldsOf(unknownCollection)).toEqual(['body.collectionIds.0']);
  });

  it('generates unique handles from titles; an explicit duplicate is a conflict', async () => {
    const create = (body: object) => api(a, 'POST', '/api/merchant/products', productInput(body));
    const first = await create({ title: 'Stoneware Mug' }); // the sample has this handle
    expect(first.statusCode).toBe(201);
    expect(first.json().handle).toBe('stoneware-mug-2');
    expect((await create({ title: 'Stoneware mug!' })).json().handle).toBe('stoneware-mug-3');
    expect((await create({ title: 'Crème Brûlée — Bowl' })).json().handle).toBe(
      'creme-brulee-bowl',
    );
    expect((await create({ title: '★★★' })).json().handle).toBe('product');

    const duplicate = await create({ title: 'Another', handle: 'stoneware-mug' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('CONFLICT');
    const renamed = await api(
      a,
      'PUT',
      `/api/merchant/products/${first.json().id}`,
      productInput({ title: 'Stoneware Mug', handle: 'canvas-tote' }),
      { 'if-match': '1' },
    );
    expect(renamed.statusCode).toBe(409);
    const kept = await api(a, 'GET', `/api/merchant/products/${first.json().id}`);
    expect(kept.json()).toMatchObject({ handle: 'stoneware-mug-2', revision: 1 });

    // The same handle in another store is fine.
    const other = await api(
      b,
      'POST',
      '/api/merchant/products',
      productInput({ handle: 'creme-brulee-bowl' }),
    );
    expect(other.statusCode).toBe(201);
  });

  it('stores descriptions sanitised: no scripts, handlers or javascript: links', async () => {
    const res = await api(
      a,
      'POST',
      '/api/merchant/products',
      productInput({
        title: 'Sanitised',
        description:
          '<p onclick="x()">Hello <strong>bold</strong> <script>alert(1)</script>' +
          '<img src=x onerror=alert(2)><a href="javascript:alert(3)">bad</a> ' +
          '<a href="https://example.com" target="_blank">good</a></p><iframe src="https://e.vil"></iframe>' +
          '<style>body{}</style>',
      }),
    );
    expect(res.statusCode).toBe(201);
    const { description, handle } = res.json();
    expect(description).toBe(
      '<p>Hello <strong>bold</strong> <a>bad</a> ' +
        '<a href="https://example.com" target="_blank" rel="noopener noreferrer">good</a></p>',
    );
    const page = await t.app.inject({
      url: `/products/${handle}`,
      headers: { host: `${a.slug}.localhost:5000` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Hello <strong>bold</strong>');
    expect(page.body).not.toContain('alert(');
  });

  it('replaces the whole document under If-Match and refuses stale revisions', async () => {
    const collection = await api(a, 'POST', '/api/merchant/collections', { title: 'Mugs' });
    const created = await api(a, 'POST', '/api/merchant/products', productInput({ title: 'Tee' }));
    const id = created.json().id;
    expect(created.headers.etag).toBe('"1"');
    const document = {
      title: 'Tee',
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        {
          optionValues: ['S'],
          priceCents: 2000,
          sku: 'TEE-S',
          trackInventory: true,
          inventoryQuantity: 3,
        },
        { optionValues: ['M'], priceCents: 2200, sku: 'TEE-M' },
      ],
      collectionIds: [collection.json().id],
    };
    const url = `/api/merchant/products/${id}`;

    const missing = await api(a, 'PUT', url, document);
    expect(missing.statusCode).toBe(428);
    expect(missing.json().error.code).toBe('PRECONDITION_REQUIRED');
    const malformed = await api(a, 'PUT', url, document, { 'if-match': 'abc' });
    expect(malformed.statusCode).toBe(400);

    const saved = await api(a, 'PUT', url, document, { 'if-match': '"1"' });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.json()).toMatchObject({
      revision: 2,
      handle: created.json().handle,
      collectionIds: [collection.json().id],
      variants: [
        { position: 0, optionValues: ['S'], sku: 'TEE-S', priceCents: 2000, inventoryQuantity: 3 },
        { position: 1, optionValues: ['M'], sku: 'TEE-M', priceCents: 2200 },
      ],
    });

    const stale = await api(a, 'PUT', url, { ...document, title: 'Lost' }, { 'if-match': '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ currentRevision: 2 });

    // Kept variant ids survive a save; a failing save changes nothing.
    const variantIds = saved.json().variants.map((v: { id: string }) => v.id);
    const again = await api(
      a,
      'PUT',
      url,
      {
        ...document,
        variants: saved
          .json()
          .variants.map(({ position: _, ...v }: object & { position: number }) => v),
      },
      { 'if-match': '2' },
    );
    expect(again.json().variants.map((v: { id: string }) => v.id)).toEqual(variantIds);
    const failing = await api(
      a,
      'PUT',
      url,
      { ...document, title: 'Half', collectionIds: ['00000000-0000-4000-8000-000000000000'] },
      { 'if-match': '3' },
    );
    expect(failing.statusCode).toBe(400);
    const read = await api(a, 'GET', url);
    expect(read.json()).toMatchObject({ title: 'Tee', revision: 3 });
    expect(read.json().variants).toHaveLength(2);

    // Each save that committed is in the audit log, as the merchant who made it; the failed
    // one is not.
    const audit = await t.app.inject({
      url: `/api/admin/audit?targetType=product&targetId=${id}`,
      headers: bearer(await t.adminToken('viewer')),
    });
    const entries = audit.json().items as {
      action: string;
      actor: { type: string; id: string };
      tenantId: string;
    }[];
    expect(entries.map((e) => e.action)).toEqual([
      'product.updated',
      'product.updated',
      'product.created',
    ]);
    expect(entries.every((e) => e.actor.type === 'merchant' && e.tenantId === a.tenantId)).toBe(
      true,
    );
  });

  it("treats other tenants' and malformed ids as unknown", async () => {
    const theirs = (
      await api(b, 'POST', '/api/merchant/products', productInput({ title: 'Secret' }))
    ).json();
    const theirCollection = (
      await api(b, 'POST', '/api/merchant/collections', { title: 'Theirs' })
    ).json();
    for (const id of [theirs.id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const url = `/api/merchant/products/${id}`;
      expect((await api(a, 'GET', url)).statusCode, id).toBe(404);
      expect((await api(a, 'PUT', url, productInput(), { 'if-match': '1' })).statusCode, id).toBe(
        404,
      );
      expect((await api(a, 'DELETE', url)).statusCode, id).toBe(404);
    }
    const borrowing = await api(
      a,
      'POST',
      '/api/merchant/products',
      productInput({ collectionIds: [theirCollection.id] }),
    );
    expect(borrowing.statusCode).toBe(400);
    const list = await api(a, 'GET', '/api/merchant/products?q=Secret');
    expect(list.json().total).toBe(0);
    expect((await api(b, 'GET', `/api/merchant/products/${theirs.id}`)).json().title).toBe(
      'Secret',
    );
  });

  it('lists with search, status, collection and pages', async () => {
    const store = await createTestStore(t.ctx);
    const collection = (
      await api(store, 'POST', '/api/merchant/collections', { title: 'Blue' })
    ).json();
    for (let i = 0; i < 5; i++) {
      await api(
        store,
        'POST',
        '/api/merchant/products',
        productInput({
          title: `Blue thing ${i}`,
          status: i % 2 ? 'draft' : 'active',
          collectionIds: i < 2 ? [collection.id] : [],
          variants: [{ priceCents: 500 + i, sku: `BLU-${i}` }],
        }),
      );
    }
    const list = (query: string) =>
      api(store, 'GET', `/api/merchant/products?${query}`).then((r) => r.json());
    const all = await list('');
    expect(all.total).toBe(13);
    expect(all.items[0]).toMatchObject({
      title: 'Blue thing 4',
      priceCents: 504,
      variantsCount: 1,
    });
    expect((await list('q=blue')).total).toBe(5);
    expect((await list('q=BLU-3')).items.map((p: { title: string }) => p.title)).toEqual([
      'Blue thing 3',
    ]);
    expect((await list('q=blue&status=draft')).total).toBe(2);
    expect((await list(`collectionId=${collection.id}`)).total).toBe(2);
    const page2 = await list('pageSize=10&page=2');
    expect(page2).toMatchObject({ total: 13, page: 2, pageSize: 10 });
    expect(page2.items).toHaveLength(3);
    expect((await list('page=9')).items).toEqual([]);
    expect((await list('q=%25')).total).toBe(0);
  });

  it('enforces the plan limit under a lock: 20 concurrent creates at limit − 1, one succeeds', async () => {
    const store = await createTestStore(t.ctx);
    const [plan] = await t.ctx.db
      .insert(plans)
      .values({
        key: 'tiny',
        name: 'Tiny',
        priceCents: 0,
        limits: { products: 9, staffAccounts: 1, storageMb: 1, customDomain: false },
      })
      .returning();
    await t.ctx.db.update(tenants).set({ planId: plan!.id }).where(eq(tenants.id, store.tenantId));
    // 8 sample products: one slot left.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(store, 'POST', '/api/merchant/products', productInput({ title: `Race ${i}` })),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(19);
    const refused = results.find((r) => r.statusCode === 403)!.json();
    expect(refused.error).toMatchObject({
      code: 'PLAN_LIMIT_REACHED',
      details: { limit: 9, used: 9, resource: 'products' },
    });
    const usage = (await api(store, 'GET', '/api/merchant/usage')).json();
    expect(usage).toEqual({
      products: { used: 9, limit: 9 },
      storageMb: { used: 0, limit: 1 },
      staffAccounts: { used: 0, limit: 1 },
    });

    // Archived products do not count; un-archiving one past the limit is refused.
    const archived = (
      await api(
        store,
        'POST',
        '/api/merchant/products',
        productInput({ title: 'Old', status: 'archived' }),
      )
    ).json();
    expect(archived.status).toBe('archived');
    const winner = results.find((r) => r.statusCode === 201)!.json();
    await api(
      store,
      'PUT',
      `/api/merchant/products/${winner.id}`,
      productInput({ title: winner.title, status: 'archived' }),
      { 'if-match': '1' },
    );
    expect((await api(store, 'GET', '/api/merchant/usage')).json().products.used).toBe(8);
    const unarchive = (id: string, revision: number) =>
      api(store, 'PUT', `/api/merchant/products/${id}`, productInput({ title: 'Back' }), {
        'if-match': String(revision),
      });
    expect((await unarchive(archived.id, 1)).statusCode).toBe(200);
    const over = await unarchive(winner.id, 2);
    expect(over.statusCode).toBe(403);
    expect(over.json().error.details).toEqual({ limit: 9, used: 9, resource: 'products' });
  });

  it('saves a sample product back as it is, its generated image included', async () => {
    const store = await createTestStore(t.ctx);
    const list = (await api(store, 'GET', '/api/merchant/products')).json();
    const sample = (await api(store, 'GET', `/api/merchant/products/${list.items[0].id}`)).json();
    expect(sample.isSample).toBe(true);
    expect(sample.images[0].url).toMatch(/^placeholder:[a-z]+:\d+$/);
    // The document as read (extra read-only fields are ignored), sent back unchanged.
    const saved = await api(store, 'PUT', `/api/merchant/products/${sample.id}`, sample, {
      'if-match': String(sample.revision),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().images).toEqual(sample.images);
    const refused = await api(
      store,
      'PUT',
      `/api/merchant/products/${sample.id}`,
      { ...sample, images: [{ url: 'placeholder:<x>:1', alt: '' }] },
      { 'if-match': String(saved.json().revision) },
    );
    expect(refused.statusCode).toBe(400);
  });

  it('removes the sample products in one action; deletes one product', async () => {
    const store = await createTestStore(t.ctx);
    const own = (
      await api(store, 'POST', '/api/merchant/products', productInput({ title: 'Mine' }))
    ).json();
    const removed = await api(store, 'POST', '/api/merchant/products/remove-samples');
    expect(removed.json()).toEqual({ removed: 8 });
    expect((await api(store, 'POST', '/api/merchant/products/remove-samples')).json()).toEqual({
      removed: 0,
    });
    const list = (await api(store, 'GET', '/api/merchant/products')).json();
    expect(list.items.map((p: { title: string }) => p.title)).toEqual(['Mine']);
    expect((await api(store, 'DELETE', `/api/merchant/products/${own.id}`)).statusCode).toBe(204);
    expect((await api(store, 'GET', `/api/merchant/products/${own.id}`)).statusCode).toBe(404);
    expect((await api(store, 'GET', '/api/merchant/usage')).json().products.used).toBe(0);
  });
});
