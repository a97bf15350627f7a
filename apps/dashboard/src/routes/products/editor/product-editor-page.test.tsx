import type { Product, ProductInputBody } from '@orbit360/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../lib/session-store.js';
import {
  errorBody,
  fixtureId,
  loginResponse,
  noCollections,
  overviewPayload,
  productList,
  productPayload,
  usagePayload,
} from '../../../test/fixtures.js';
import {
  FakeWebSocket,
  renderApp,
  setupDashboard,
  stubFetch,
  type Routes,
} from '../../../test/render-app.js';

function startSignedIn() {
  const session = loginResponse();
  signIn({ token: session.token, merchant: session.merchant, email: 'ada@lovelace-books.test' });
}

function stubEditor(routes: Routes) {
  return stubFetch({
    'GET /api/merchant/overview': () => ({
      status: 200,
      body: overviewPayload({ currency: 'EUR', locale: 'de-DE' }),
    }),
    'GET /api/merchant/usage': () => ({ status: 200, body: usagePayload() }),
    'GET /api/merchant/collections': () => ({ status: 200, body: noCollections() }),
    'GET /api/merchant/products': () => ({ status: 200, body: productList([]) }),
    ...routes,
  });
}

const bodyOf = (request: { body: unknown }) => request.body as ProductInputBody;

describe('product editor', () => {
  beforeEach(setupDashboard);

  it('creates a product with two variants priced in cents, then edits it in place', async () => {
    startSignedIn();
    let created: Product | undefined;
    const requests = stubEditor({
      'POST /api/merchant/products': (request) => {
        const input = bodyOf(request);
        created = productPayload({
          title: input.title,
          handle: input.handle!,
          revision: 1,
          options: input.options!.map((o) => ({ name: o.name, values: o.values })),
          variants: input.variants.map((v, i) => ({
            id: fixtureId(),
            position: i,
            optionValues: v.optionValues ?? [],
            sku: v.sku ?? null,
            priceCents: v.priceCents,
            compareAtPriceCents: v.compareAtPriceCents ?? null,
            inventoryQuantity: v.inventoryQuantity ?? 0,
            trackInventory: v.trackInventory ?? false,
            allowBackorder: v.allowBackorder ?? false,
          })),
          images: input.images!.map((i) => ({ url: i.url ?? '', alt: i.alt ?? '' })),
        });
        return { status: 201, body: created };
      },
    });
    renderApp('/products/new');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Linen Tee — Blue');
    expect(screen.getByRole('textbox', { name: 'Handle' })).toHaveValue('linen-tee-blue');

    await user.click(screen.getByRole('button', { name: /add option/i }));
    await user.type(screen.getByLabelText('Option 1 name'), 'Size');
    await user.type(screen.getByLabelText('Values of Size'), 'S{Enter}M,');
    expect(screen.getAllByTestId('variant-row')).toHaveLength(2);
    await user.type(screen.getByLabelText('Price of S'), '24');
    await user.type(screen.getByLabelText('Price of M'), '26,5');
    await user.type(screen.getByLabelText('SKU of M'), 'TEE-M');
    await user.click(screen.getByRole('button', { name: /add image/i }));
    await user.type(screen.getByLabelText('Image 1 URL'), 'https://images.test/tee.jpg');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByTestId('toast')).toHaveTextContent('Product created');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(bodyOf(post)).toMatchObject({
      title: 'Linen Tee — Blue',
      handle: 'linen-tee-blue',
      status: 'active',
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { optionValues: ['S'], priceCents: 2400, sku: null },
        { optionValues: ['M'], priceCents: 2650, sku: 'TEE-M' },
      ],
      images: [{ url: 'https://images.test/tee.jpg', alt: '' }],
    });
    // Now the saved product: its title heads the page and nothing is left unsaved.
    expect(await screen.findByRole('heading', { name: 'Linen Tee — Blue' })).toBeVisible();
    expect(screen.getByTestId('save-status')).toHaveTextContent('All changes saved');
    expect(screen.getByLabelText('Price of M')).toHaveValue('26.50');
  });

  it('saves the whole document with If-Match and keeps the variant ids', async () => {
    startSignedIn();
    const product = productPayload();
    const requests = stubEditor({
      [`GET /api/merchant/products/${product.id}`]: () => ({ status: 200, body: product }),
      [`PUT /api/merchant/products/${product.id}`]: (request) => ({
        status: 200,
        body: { ...product, title: bodyOf(request).title, revision: 4 },
      }),
    });
    renderApp(`/products/${product.id}`);
    const user = userEvent.setup();
    const price = await screen.findByLabelText('Price of M');
    expect(price).toHaveValue('26.00');
    expect(screen.getByRole('textbox', { name: 'Handle' })).toHaveValue('linen-tee');
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Linen Tee, washed');
    // A saved product's handle stays put when the title changes.
    expect(screen.getByRole('textbox', { name: 'Handle' })).toHaveValue('linen-tee');
    await user.clear(price);
    await user.type(price, '27.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByTestId('toast')).toHaveTextContent('Product saved');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.headers.get('if-match')).toBe('"3"');
    const body = bodyOf(put);
    expect(body.variants.map((v) => [v.id, v.priceCents])).toEqual([
      [product.variants[0]!.id, 2400],
      [product.variants[1]!.id, 2750],
    ]);
    expect(body).toMatchObject({ title: 'Linen Tee, washed', handle: 'linen-tee' });
    expect(screen.getByTestId('save-status')).toHaveTextContent('All changes saved');
  });

  it('says plainly when the product changed elsewhere, keeps the edits, and reloads on demand', async () => {
    startSignedIn();
    let current = productPayload();
    const requests = stubEditor({
      [`GET /api/merchant/products/${current.id}`]: () => ({ status: 200, body: current }),
      [`PUT /api/merchant/products/${current.id}`]: () => ({
        status: 409,
        body: errorBody('CONFLICT', 'The product changed since you opened it', {
          currentRevision: 4,
        }),
      }),
    });
    renderApp(`/products/${current.id}`);
    const user = userEvent.setup();
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await user.type(title, ' (mine)');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const stale = await screen.findByTestId('stale-revision');
    expect(stale).toHaveTextContent(
      'This product was changed elsewhere — reload to see the latest; your edits are kept until you reload.',
    );
    expect(title).toHaveValue('Linen Tee (mine)');
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();

    current = { ...current, title: 'Linen Tee (theirs)', revision: 4 };
    await user.click(within(stale).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(title).toHaveValue('Linen Tee (theirs)'));
    expect(screen.queryByTestId('stale-revision')).not.toBeInTheDocument();
    expect(screen.getByTestId('save-status')).toHaveTextContent('All changes saved');
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('follows a save made elsewhere, but only notes it while there are edits', async () => {
    startSignedIn();
    let current = productPayload();
    stubEditor({
      [`GET /api/merchant/products/${current.id}`]: () => ({ status: 200, body: current }),
    });
    renderApp(`/products/${current.id}`);
    const title = await screen.findByRole('textbox', { name: 'Title' });
    const socket = FakeWebSocket.instances[0]!;
    act(() => socket.accept(1));
    const changed = (seq: number) =>
      act(() =>
        socket.emit({
          type: 'catalog.changed',
          seq,
          at: new Date().toISOString(),
          tenantId: loginResponse().merchant.tenantId,
          data: { resource: 'product', action: 'updated', ids: [current.id] },
        }),
      );

    // Untouched: the newer revision simply shows.
    current = { ...current, title: 'Linen Tee (v4)', revision: 4 };
    changed(2);
    await waitFor(() => expect(title).toHaveValue('Linen Tee (v4)'));

    // With edits: they stay, and the screen says someone else saved.
    await userEvent.type(title, ' mine');
    current = { ...current, title: 'Linen Tee (v5)', revision: 5 };
    changed(3);
    expect(await screen.findByTestId('changed-elsewhere')).toHaveTextContent(
      /changed elsewhere — reload to see the latest/,
    );
    expect(title).toHaveValue('Linen Tee (v4) mine');
  });

  it('shows the server field errors next to their fields', async () => {
    startSignedIn();
    const product = productPayload();
    stubEditor({
      [`GET /api/merchant/products/${product.id}`]: () => ({ status: 200, body: product }),
      [`PUT /api/merchant/products/${product.id}`]: () => ({
        status: 400,
        body: errorBody('VALIDATION_FAILED', 'Invalid value for: body.variants.1.priceCents', {
          fields: [
            { field: 'body.variants.1.priceCents', message: 'must be at most 100000000' },
            { field: 'body.images.0.url', message: 'must be an https URL' },
          ],
        }),
      }),
    });
    renderApp(`/products/${product.id}`);
    const user = userEvent.setup();
    const price = await screen.findByLabelText('Price of M');
    await user.clear(price);
    await user.type(price, '99999999');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const summary = await screen.findByTestId('field-problems');
    expect(summary).toHaveTextContent('Variant 2 price: must be at most 100000000');
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(price.parentElement).toHaveTextContent('must be at most 100000000');
    expect(screen.getByLabelText('Price of S')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Image 1 URL')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Image 1 URL')).toHaveAccessibleDescription(
      'must be an https URL',
    );
    expect(price).toHaveValue('99999999');
  });

  it('checks prices before calling the API', async () => {
    startSignedIn();
    const requests = stubEditor({});
    renderApp('/products/new');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Mug');
    await user.type(screen.getByLabelText('Price of Default'), '12.345');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('field-problems')).toHaveTextContent(
      'Variant 1 price: Enter a price like 24.00',
    );
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows the plan limit with its figures', async () => {
    startSignedIn();
    stubEditor({
      'POST /api/merchant/products': () => ({
        status: 403,
        body: errorBody('PLAN_LIMIT_REACHED', 'Your plan allows 5 products', {
          limit: 5,
          used: 5,
          resource: 'products',
        }),
      }),
    });
    renderApp('/products/new');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Mug');
    await user.type(screen.getByLabelText('Price of Default'), '12');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('plan-limit')).toHaveTextContent(
      'Your plan allows 5 products and you use 5.',
    );
  });

  it('asks before leaving with unsaved edits', async () => {
    startSignedIn();
    stubEditor({});
    renderApp('/products/new');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Half a mug');
    await user.click(screen.getAllByRole('link', { name: 'Products' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Half a mug');

    await user.click(screen.getAllByRole('link', { name: 'Products' })[0]!);
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave' }),
    );
    expect(await screen.findByRole('heading', { name: 'Products' })).toBeVisible();
  });
});
