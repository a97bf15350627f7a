import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/helpers.js';
import { catalogApi } from '../../../test/support/catalog-api.js';
import { createTestStore, type TestStore } from '../../../test/support/create-test-store.js';

/** The checklist's catalog and pages tasks tick from the store's data, never from a client flag. */
describe('onboarding checklist derived from store data', () => {
  const t = setupTestApp();
  const api = catalogApi(t);
  let store: TestStore;
  let other: TestStore;
  const tasksOf = async (s: TestStore) => {
    const res = await api(s, 'GET', '/api/merchant/overview');
    expect(res.statusCode).toBe(200);
    const { tasks, completed } = res.json().onboarding as {
      completed: number;
      tasks: { key: string; isDone: boolean }[];
    };
    return { completed, done: (key: string) => tasks.find((task) => task.key === key)!.isDone };
  };

  beforeAll(async () => {
    store = await createTestStore(t.ctx, { storeName: 'Juniper', owner: true });
    other = await createTestStore(t.ctx, { storeName: 'Larch', owner: true });
  });

  it('starts undone: the sample catalog and starter pages are not the merchant’s work', async () => {
    const { done } = await tasksOf(store);
    expect(done('add_product')).toBe(false);
    expect(done('review_pages')).toBe(false);
    // A rename rewrites the starter pages; it is not the merchant reviewing them.
    expect(
      (await api(store, 'PUT', '/api/merchant/store', { name: 'Juniper Co' })).statusCode,
    ).toBe(200);
    expect((await tasksOf(store)).done('review_pages')).toBe(false);
  });

  it('ticks "Add your first product" when a product of their own exists, for that store only', async () => {
    const before = (await tasksOf(store)).completed;
    const created = await api(store, 'POST', '/api/merchant/products', {
      title: 'Juniper soap',
      variants: [{ priceCents: 900 }],
    });
    expect(created.statusCode).toBe(201);
    const after = await tasksOf(store);
    expect(after.done('add_product')).toBe(true);
    expect(after.completed).toBe(before + 1);
    expect((await tasksOf(other)).done('add_product')).toBe(false);
    // Deleting it undoes the task: the state, not a click, decides.
    const id = created.json().id as string;
    expect((await api(store, 'DELETE', `/api/merchant/products/${id}`)).statusCode).toBe(204);
    expect((await tasksOf(store)).done('add_product')).toBe(false);
  });

  it('ticks "Review your pages" when a starter page is saved or a page is created', async () => {
    const pages = (await api(store, 'GET', '/api/merchant/pages')).json().items as {
      id: string;
      handle: string;
      revision: number;
      title: string;
    }[];
    const about = pages.find((p) => p.handle === 'about')!;
    const saved = await api(
      store,
      'PUT',
      `/api/merchant/pages/${about.id}`,
      { title: about.title, body: '<p>Our own story.</p>' },
      { 'if-match': `"${about.revision}"` },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().isSample).toBe(false);
    expect((await tasksOf(store)).done('review_pages')).toBe(true);

    expect((await tasksOf(other)).done('review_pages')).toBe(false);
    const created = await api(other, 'POST', '/api/merchant/pages', { title: 'FAQ' });
    expect(created.statusCode).toBe(201);
    expect((await tasksOf(other)).done('review_pages')).toBe(true);
  });
});
