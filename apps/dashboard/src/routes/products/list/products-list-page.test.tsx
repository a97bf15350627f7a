import type { ProductSummary } from '@orbit360/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../lib/session-store.js';
import {
  errorBody,
  loginResponse,
  overviewPayload,
  productList,
  productPayload,
  productSummary,
  usagePayload,
} from '../../../test/fixtures.js';
import {
  FakeWebSocket,
  renderApp,
  setupDashboard,
  stubFetch,
  type RecordedRequest,
  type Routes,
} from '../../../test/render-app.js';

function startSignedIn() {
  const session = loginResponse();
  signIn({ token: session.token, merchant: session.merchant, email: 'ada@lovelace-books.test' });
}

const MUG = productSummary({ title: 'Stoneware Mug', priceCents: 2400 });
const TEE = productSummary({
  title: 'Linen Tee',
  status: 'draft',
  priceCents: 1999,
  variantsCount: 2,
  inventory: null,
  isSample: true,
});

function stubCatalog(
  items: ProductSummary[] = [MUG, TEE],
  usage = usagePayload({ used: 2, limit: 5 }),
  extra: Routes = {},
) {
  return stubFetch({
    'GET /api/merchant/overview': () => ({
      status: 200,
      body: overviewPayload({ currency: 'EUR', locale: 'de-DE' }),
    }),
    'GET /api/merchant/usage': () => ({ status: 200, body: usage }),
    'GET /api/merchant/products': (request) => {
      const params = new URLSearchParams(request.search);
      const q = params.get('q')?.toLowerCase();
      const status = params.get('status');
      const found = items.filter(
        (p) => (!q || p.title.toLowerCase().includes(q)) && (!status || p.status === status),
      );
      return { status: 200, body: productList(found) };
    },
    ...extra,
  });
}

const listQueries = (requests: RecordedRequest[]) =>
  requests
    .filter((r) => r.method === 'GET' && r.path === '/api/merchant/products')
    .map((r) => new URLSearchParams(r.search))
    .filter((p) => p.get('pageSize') === '20');

const money = (cents: number) =>
  new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' })
    .format(cents / 100)
    .replace(/\s/g, ' ');

describe('products list', () => {
  beforeEach(setupDashboard);

  it('lists products with status, inventory and prices in the store currency', async () => {
    startSignedIn();
    stubCatalog();
    renderApp('/');
    await userEvent.click(await screen.findByRole('link', { name: 'Products' }));
    const table = await screen.findByTestId('products-table');
    const mug = within(table).getByRole('row', { name: /stoneware mug/i });
    expect(mug).toHaveTextContent('Active');
    expect(mug).toHaveTextContent('12 in stock');
    expect(mug).toHaveTextContent(money(2400));
    const tee = within(table).getByRole('row', { name: /linen tee/i });
    expect(tee).toHaveTextContent('Draft');
    expect(tee).toHaveTextContent('Not tracked');
    expect(tee).toHaveTextContent(`from ${money(1999)}`);
    expect(screen.getByTestId('product-usage')).toHaveTextContent('2 of 5 products');
    expect(document.title).toBe('Products · Orbit360 Merchant');
  });

  it('searches after typing stops and filters by status, both in the request', async () => {
    startSignedIn();
    const requests = stubCatalog();
    renderApp('/products');
    const user = userEvent.setup();
    await screen.findByTestId('products-table');
    await user.type(screen.getByRole('searchbox', { name: /search products/i }), 'mug');
    await waitFor(() => expect(listQueries(requests).at(-1)?.get('q')).toBe('mug'));
    // One request for the settled search, not one per keystroke.
    expect(listQueries(requests).filter((p) => p.get('q')).length).toBe(1);
    expect(screen.getByRole('row', { name: /stoneware mug/i })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /linen tee/i })).not.toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox', { name: /search products/i }));
    await user.selectOptions(screen.getByLabelText('Status'), 'draft');
    await waitFor(() => expect(listQueries(requests).at(-1)?.get('status')).toBe('draft'));
    expect(await screen.findByRole('row', { name: /linen tee/i })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('row', { name: /stoneware mug/i })).not.toBeInTheDocument(),
    );

    await user.selectOptions(screen.getByLabelText('Status'), 'archived');
    expect(await screen.findByText('No products match')).toBeVisible();
    await user.click(screen.getByRole('button', { name: /clear filters/i }));
    expect(await screen.findByRole('row', { name: /stoneware mug/i })).toBeInTheDocument();
  });

  it('reads the search and status from the URL', async () => {
    startSignedIn();
    const requests = stubCatalog();
    renderApp('/products?q=tee&status=draft');
    expect(await screen.findByRole('row', { name: /linen tee/i })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: /search products/i })).toHaveValue('tee');
    expect(screen.getByLabelText('Status')).toHaveValue('draft');
    const query = listQueries(requests)[0]!;
    expect([query.get('q'), query.get('status')]).toEqual(['tee', 'draft']);
  });

  it('starts the first product from the empty state', async () => {
    startSignedIn();
    stubCatalog([], usagePayload({ used: 0, limit: 5 }), {
      'GET /api/merchant/collections': () => ({ status: 200, body: { items: [] } }),
    });
    renderApp('/products');
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('Add your first product');
    expect(screen.queryByRole('button', { name: /remove sample/i })).not.toBeInTheDocument();
    await userEvent.click(within(empty).getByRole('link', { name: /add product/i }));
    expect(await screen.findByRole('heading', { name: 'Add product' })).toBeVisible();
  });

  it('explains the plan limit instead of offering a product it cannot create', async () => {
    startSignedIn();
    stubCatalog([MUG], usagePayload({ used: 5, limit: 5 }));
    renderApp('/products');
    const usage = await screen.findByTestId('product-usage');
    await waitFor(() => expect(usage).toHaveTextContent('5 of 5 products'));
    expect(usage).toHaveTextContent(/upgrade your plan/i);
    expect(screen.getByRole('button', { name: /add product/i })).toBeDisabled();
    expect(screen.queryByRole('link', { name: /add product/i })).not.toBeInTheDocument();
  });

  it('removes sample products after confirming', async () => {
    startSignedIn();
    let items = [MUG, TEE];
    const requests = stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      'GET /api/merchant/usage': () => ({ status: 200, body: usagePayload() }),
      'GET /api/merchant/products': () => ({ status: 200, body: productList(items) }),
      'POST /api/merchant/products/remove-samples': () => {
        items = items.filter((p) => !p.isSample);
        return { status: 200, body: { removed: 1 } };
      },
    });
    renderApp('/products');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /remove sample products/i }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /remove samples/i }));
    expect(await screen.findByTestId('toast')).toHaveTextContent('1 sample product removed');
    await waitFor(() =>
      expect(screen.queryByRole('row', { name: /linen tee/i })).not.toBeInTheDocument(),
    );
    expect(requests.filter((r) => r.path.endsWith('/remove-samples'))).toHaveLength(1);
    expect(
      screen.queryByRole('button', { name: /remove sample products/i }),
    ).not.toBeInTheDocument();
  });

  it('changes the status of the selected products one by one and reports the failures', async () => {
    startSignedIn();
    const mug = productPayload({ id: MUG.id, title: MUG.title, revision: 4 });
    const tee = productPayload({ id: TEE.id, title: TEE.title, revision: 9 });
    const requests = stubCatalog([MUG, TEE], usagePayload(), {
      [`GET /api/merchant/products/${MUG.id}`]: () => ({ status: 200, body: mug }),
      [`GET /api/merchant/products/${TEE.id}`]: () => ({ status: 200, body: tee }),
      [`PUT /api/merchant/products/${MUG.id}`]: () => ({
        status: 200,
        body: { ...mug, status: 'archived', revision: 5 },
      }),
      [`PUT /api/merchant/products/${TEE.id}`]: () => ({
        status: 409,
        body: errorBody('CONFLICT', 'The product changed since you opened it', {
          currentRevision: 10,
        }),
      }),
    });
    renderApp('/products');
    const user = userEvent.setup();
    await screen.findByTestId('products-table');
    await user.click(screen.getByRole('checkbox', { name: /select all products/i }));
    await user.selectOptions(screen.getByLabelText('New status'), 'archived');
    await user.click(screen.getByRole('button', { name: /apply to 2/i }));

    const failures = await screen.findByTestId('bulk-failures');
    expect(failures).toHaveTextContent('1 updated, 1 not updated');
    expect(failures).toHaveTextContent('Linen Tee: The product changed since you opened it');
    const puts = requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.path.split('/').at(-1), r.headers.get('if-match')])).toEqual([
      [MUG.id, '"4"'],
      [TEE.id, '"9"'],
    ]);
    expect((puts[0]!.body as { status: string; variants: unknown[] }).status).toBe('archived');
    expect((puts[0]!.body as { variants: unknown[] }).variants).toHaveLength(2);
  });

  it('refreshes the list when the catalog changes elsewhere', async () => {
    startSignedIn();
    const items = [MUG];
    stubCatalog(items);
    renderApp('/products');
    await screen.findByRole('row', { name: /stoneware mug/i });
    const socket = FakeWebSocket.instances[0]!;
    act(() => socket.accept(1));
    items.push(productSummary({ title: 'Fig Candle' }));
    act(() =>
      socket.emit({
        type: 'catalog.changed',
        seq: 2,
        at: new Date().toISOString(),
        tenantId: loginResponse().merchant.tenantId,
        data: { resource: 'product', action: 'created', ids: [items[1]!.id] },
      }),
    );
    expect(await screen.findByRole('row', { name: /fig candle/i })).toBeInTheDocument();
  });
});
