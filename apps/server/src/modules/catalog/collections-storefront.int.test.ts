import { beforeAll, describe, expect, it } from 'vitest';
import { ProductInput } from '@orbit360/contracts';
import { setupTestApp } from '../../../test/helpers.js';
import { catalogApi } from '../../../test/support/catalog-api.js';
import { createTestStore, type TestStore } from '../../../test/support/create-test-store.js';
import {
  createTestProduct,
  productInput,
  TEST_ACTOR,
} from '../../../test/support/create-test-product.js';
import { updateProduct } from './update-product.js';

describe('collections API and the storefront showing the catalog', () => {
  const t = setupTestApp();
  const api = catalogApi(t);
  let a: TestStore;
  let b: TestStore;
  const page = (store: TestStore, path: string) =>
    t.app.inject({ url: path, headers: { host: `${store.slug}.localhost:5000` } });

  beforeAll(async () => {
    a = await createTestStore(t.ctx, { storeName: 'Alder' });
    b = await createTestStore(t.ctx, { storeName: 'Birch' });
  });

  it('keeps a collection’s products in order and shows them so on its page', async () => {
    const first = await createTestProduct(t.ctx, a.tenantId, { title: 'Zebra Plate' });
    const second = await createTestProduct(t.ctx, a.tenantId, { title: 'Apple Bowl' });
    const created = await api(a, 'POST', '/api/merchant/collections', {
      title: 'Staff Picks',
      description: 'Chosen by us',
      productIds: [first.id, second.id],
    });
    expect(created.statusCode).toBe(201);
    const collection = created.json();
    expect(collection).toMatchObject({ handle: 'staff-picks', productIds: [first.id, second.id] });
    const shown = await page(a, '/collections/staff-picks');
    expect(shown.statusCode).toBe(200);
    expect(shown.body.indexOf('Zebra Plate')).toBeLessThan(shown.body.indexOf('Apple Bowl'));
    expect(shown.body).not.toContain('Stoneware Mug');

    const reordered = await api(a, 'PUT', `/api/merchant/collections/${collection.id}`, {
      title: 'Staff Picks',
      productIds: [second.id, first.id],
    });
    expect(reordered.json().productIds).toEqual([second.id, first.id]);
    const again = await page(a, '/collections/staff-picks');
    expect(again.body.indexOf('Apple Bowl')).toBeLessThan(again.body.indexOf('Zebra Plate'));

    const list = (await api(a, 'GET', '/api/merchant/collections')).json();
    expect(list.items.map((c: { handle: string }) => c.handle)).toEqual([
      'home-living',
      'staff-picks',
      'accessories',
      'apparel',
    ]);
    expect(list.items.find((c: { handle: string }) => c.handle === 'apparel').productsCount).toBe(
      2,
    );

    // The product document names its collections.
    const product = (await api(a, 'GET', `/api/merchant/products/${first.id}`)).json();
    expect(product.collectionIds).toEqual([collection.id]);

    expect((await api(a, 'DELETE', `/api/merchant/collections/${collection.id}`)).statusCode).toBe(
      204,
    );
    expect((await page(a, '/collections/staff-picks')).statusCode).toBe(404);
    expect(
      (await api(a, 'GET', `/api/merchant/products/${first.id}`)).json().collectionIds,
    ).toEqual([]);
  });

  it('validates collections and hides other tenants’ ids', async () => {
    const theirs = await createTestProduct(t.ctx, b.tenantId, { title: 'Theirs' });
    const theirCollection = (
      await api(b, 'POST', '/api/merchant/collections', { title: 'B' })
    ).json();
    const bad = await api(a, 'POST', '/api/merchant/collections', {
      title: 'Borrow',
      productIds: [theirs.id],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('body.productIds.0');
    const repeated = await api(a, 'POST', '/api/merchant/collections', {
      title: 'Twice',
      productIds: [theirs.id, theirs.id],
    });
    expect(repeated.json().error.details.fields[0].field).toBe('body.productIds');
    expect((await api(a, 'POST', '/api/merchant/collections', { title: '' })).statusCode).toBe(400);
    const duplicate = await api(a, 'POST', '/api/merchant/collections', {
      title: 'Apparel again',
      handle: 'apparel',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(
      (await api(a, 'POST', '/api/merchant/collections', { title: 'Apparel' })).json().handle,
    ).toBe('apparel-2');
    for (const id of [theirCollection.id, 'nope']) {
      const url = `/api/merchant/collections/${id}`;
      expect((await api(a, 'GET', url)).statusCode).toBe(404);
      expect((await api(a, 'PUT', url, { title: 'x' })).statusCode).toBe(404);
      expect((await api(a, 'DELETE', url)).statusCode).toBe(404);
    }
  });

  it('prices a product by its cheapest available variant; sold out when none is', async () => {
    const options = [{ name: 'Size', values: ['S', 'M', 'L'] }];
    await createTestProduct(t.ctx, a.tenantId, {
      title: 'Variant Tee',
      options,
      variants: [
        { optionValues: ['S'], priceCents: 1500, trackInventory: true, inventoryQuantity: 0 },
        { optionValues: ['M'], priceCents: 1900, compareAtPriceCents: 2500 },
        { optionValues: ['L'], priceCents: 1700, trackInventory: true, allowBackorder: true },
      ],
    });
    const tee = await page(a, '/products/variant-tee');
    expect(tee.body).toContain('$17.00');
    // Shown: the cheapest available variant (all variants are in the picker's JSON for its script).
    const shown = tee.body.replace(/<script type="application\/json"[\s\S]*?<\/script>/g, '');
    expect(shown).not.toContain('$15.00');
    await createTestProduct(t.ctx, a.tenantId, {
      title: 'Gone Tee',
      variants: [{ priceCents: 900, trackInventory: true, inventoryQuantity: 0 }],
    });
    const gone = await page(a, '/products/gone-tee');
    expect(gone.body).toContain('$9.00');
    expect(gone.body).toMatch(/disabled data-when-sold-out>Sold out</);
  });

  it('shows active products only: drafts and archived are 404 to shoppers', async () => {
    const draft = await createTestProduct(t.ctx, a.tenantId, {
      title: 'Secret Draft',
      status: 'draft',
    });
    expect((await page(a, '/products/secret-draft')).statusCode).toBe(404);
    expect((await page(a, '/collections/all')).body).not.toContain('Secret Draft');
    const published = await api(
      a,
      'PUT',
      `/api/merchant/products/${draft.id}`,
      productInput({ title: 'Secret Draft', status: 'active' }),
      { 'if-match': '1' },
    );
    expect(published.statusCode).toBe(200);
    expect((await page(a, '/products/secret-draft')).statusCode).toBe(200);
    await api(
      a,
      'PUT',
      `/api/merchant/products/${draft.id}`,
      productInput({ title: 'Secret Draft', status: 'archived' }),
      { 'if-match': '2' },
    );
    expect((await page(a, '/products/secret-draft')).statusCode).toBe(404);
  });

  it('shows an edited price on the next request, and after the event on every instance', async () => {
    const mug = (await api(a, 'GET', '/api/merchant/products?q=stoneware-mug')).json().items[0];
    expect((await page(a, '/products/stoneware-mug')).body).toContain('$24.00');
    const edited = await api(
      a,
      'PUT',
      `/api/merchant/products/${mug.id}`,
      productInput({ title: 'Stoneware Mug', variants: [{ priceCents: 2650 }] }),
      { 'if-match': String(mug.revision) },
    );
    expect(edited.statusCode).toBe(200);
    expect((await page(a, '/products/stoneware-mug')).body).toContain('$26.50');
    expect((await page(a, '/')).body).toContain('$26.50');

    // A change made elsewhere (another instance, a job) reaches this instance's cache only
    // through the `catalog.changed` event on the realtime stream.
    await page(a, '/products/stoneware-mug');
    await updateProduct({
      db: t.ctx.db,
      tenantId: a.tenantId,
      actor: TEST_ACTOR,
      id: mug.id,
      revision: 2,
      input: ProductInput.parse(
        productInput({ title: 'Stoneware Mug', variants: [{ priceCents: 2799 }] }),
      ),
    });
    await expect
      .poll(async () => (await page(a, '/products/stoneware-mug')).body, { timeout: 5000 })
      .toContain('$27.99');
  });
});
