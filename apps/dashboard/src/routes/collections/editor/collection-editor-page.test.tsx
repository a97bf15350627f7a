import type { Collection, CollectionInputBody } from '@orbit360/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../lib/session-store.js';
import {
  loginResponse,
  overviewPayload,
  productList,
  productSummary,
} from '../../../test/fixtures.js';
import { renderApp, setupDashboard, stubFetch } from '../../../test/render-app.js';

const MUG = productSummary({ title: 'Stoneware Mug' });
const TOTE = productSummary({ title: 'Canvas Tote' });
const CANDLE = productSummary({ title: 'Fig Candle' });

function collection(overrides: Partial<Collection> = {}): Collection {
  return {
    id: '11111111-2222-4333-8444-555555555555',
    handle: 'gifts',
    title: 'Gifts',
    description: '',
    sortOrder: 0,
    productIds: [MUG.id, TOTE.id],
    createdAt: '2025-05-01T10:00:00.000Z',
    updatedAt: '2025-05-01T10:00:00.000Z',
    ...overrides,
  };
}

function startSignedIn() {
  const session = loginResponse();
  signIn({ token: session.token, merchant: session.merchant, email: 'ada@lovelace-books.test' });
}

describe('collections', () => {
  beforeEach(setupDashboard);

  it('lists collections with their product counts', async () => {
    startSignedIn();
    stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      'GET /api/merchant/collections': () => ({
        status: 200,
        body: { items: [{ ...collection(), productIds: undefined, productsCount: 2 }] },
      }),
    });
    renderApp('/');
    await userEvent.click(await screen.findByRole('link', { name: 'Collections' }));
    const row = await screen.findByRole('row', { name: /gifts/i });
    expect(row).toHaveTextContent('/collections/gifts');
    expect(row).toHaveTextContent('2');
  });

  it('orders, removes and adds products, and saves them in that order', async () => {
    startSignedIn();
    const current = collection();
    const requests = stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      [`GET /api/merchant/collections/${current.id}`]: () => ({ status: 200, body: current }),
      'GET /api/merchant/products': (request) => {
        const params = new URLSearchParams(request.search);
        if (params.get('collectionId')) return { status: 200, body: productList([TOTE, MUG]) };
        const q = params.get('q')?.toLowerCase();
        const all = [MUG, TOTE, CANDLE].filter((p) => !q || p.title.toLowerCase().includes(q));
        return { status: 200, body: productList(all) };
      },
      [`PUT /api/merchant/collections/${current.id}`]: (request) => ({
        status: 200,
        body: { ...current, ...(request.body as CollectionInputBody) },
      }),
    });
    renderApp(`/collections/${current.id}`);
    const user = userEvent.setup();
    const list = await screen.findByRole('list', { name: 'Products in this collection' });
    expect(await within(list).findByText('Stoneware Mug')).toBeVisible();
    await user.click(within(list).getByRole('button', { name: 'Move Canvas Tote up' }));
    await user.click(within(list).getByRole('button', { name: 'Remove Stoneware Mug' }));
    await user.type(screen.getByRole('searchbox', { name: /find products/i }), 'candle');
    await user.click(await screen.findByRole('button', { name: 'Add Fig Candle' }));
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('Canvas Tote'), expect.stringContaining('Fig Candle')]);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Collection saved');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.body).toMatchObject({ title: 'Gifts', productIds: [TOTE.id, CANDLE.id] });
  });

  it('deletes a collection after confirming', async () => {
    startSignedIn();
    const current = collection();
    const requests = stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      [`GET /api/merchant/collections/${current.id}`]: () => ({ status: 200, body: current }),
      'GET /api/merchant/products': () => ({ status: 200, body: productList([MUG, TOTE]) }),
      'GET /api/merchant/collections': () => ({ status: 200, body: { items: [] } }),
      [`DELETE /api/merchant/collections/${current.id}`]: () => ({ status: 204 }),
    });
    renderApp(`/collections/${current.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /delete/i }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Gifts?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete collection' }));
    expect(await screen.findByText('No collections yet')).toBeVisible();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true);
  });
});
