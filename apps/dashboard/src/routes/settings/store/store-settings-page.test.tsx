import { SUPPORTED_CURRENCIES, SUPPORTED_LOCALES, type StoreSettings } from '@orbit360/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../lib/session-store.js';
import {
  errorBody,
  loginResponse,
  overviewPayload,
  storeSettingsPayload,
} from '../../../test/fixtures.js';
import {
  FakeWebSocket,
  renderApp,
  setupDashboard,
  stubFetch,
  type RecordedRequest,
} from '../../../test/render-app.js';

function startSignedIn() {
  const session = loginResponse();
  signIn({ token: session.token, merchant: session.merchant, email: 'ada@lovelace-books.test' });
  return session;
}

/** A server whose settings change on PUT (like the real one) and whose overview follows them. */
function stubStore(initial: StoreSettings = storeSettingsPayload()) {
  const state = { settings: initial };
  const requests = stubFetch({
    'GET /api/merchant/overview': () => ({
      status: 200,
      body: overviewPayload({ name: state.settings.name }),
    }),
    'GET /api/merchant/store': () => ({ status: 200, body: state.settings }),
    'PUT /api/merchant/store': (request: RecordedRequest) => {
      state.settings = {
        ...state.settings,
        ...(request.body as Partial<StoreSettings>),
        updatedAt: new Date().toISOString(),
      };
      return { status: 200, body: state.settings };
    },
  });
  return { state, requests };
}

const settingsGets = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'GET' && r.path === '/api/merchant/store').length;

function settingsEvent(tenantId: string, seq: number, fields: string[]) {
  return {
    type: 'store.settings_updated',
    seq,
    at: new Date().toISOString(),
    tenantId,
    data: { fields },
  };
}

describe('store settings page', () => {
  beforeEach(setupDashboard);

  it('is reachable from the navigation and shows the saved values', async () => {
    startSignedIn();
    stubStore();
    renderApp('/');
    await userEvent.click(await screen.findByRole('link', { name: /settings/i }));
    expect(await screen.findByLabelText(/store name/i)).toHaveValue('Lovelace Books');
    expect(screen.getByRole('link', { name: /settings/i })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { name: 'Store settings' })).toBeVisible();
    expect(screen.getByLabelText(/tagline/i)).toHaveValue('Rare books and first editions');
    expect(screen.getByLabelText(/logo text/i)).toHaveValue('LB');
    expect(screen.getByLabelText(/contact email/i)).toHaveValue('hello@lovelace-books.test');
    expect(screen.getByLabelText(/currency/i)).toHaveValue('USD');
    expect(screen.getByLabelText(/timezone/i)).toHaveValue('Europe/London');
    expect(screen.getByLabelText(/locale/i)).toHaveValue('en-GB');
    expect(screen.getByRole('button', { name: /save changes/i })).toBeDisabled();
    expect(document.title).toBe('Store settings · Orbit360 Merchant');
  });

  it('saves only the changed fields, shows success and refreshes the store name', async () => {
    const session = startSignedIn();
    const { requests } = stubStore();
    renderApp('/settings');
    const user = userEvent.setup();
    const name = await screen.findByLabelText(/store name/i);
    const save = screen.getByRole('button', { name: /save changes/i });
    await user.clear(name);
    await user.type(name, 'Lovelace Rare Books');
    await user.selectOptions(screen.getByLabelText(/currency/i), 'EUR');
    expect(save).toBeEnabled();
    expect(screen.getByTestId('save-status')).toHaveTextContent(/unsaved changes/i);
    await user.click(save);

    expect(await screen.findByTestId('toast')).toHaveTextContent('Settings saved');
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ name: 'Lovelace Rare Books', currency: 'EUR' });
    expect(put?.authorization).toBe(`Bearer ${session.token}`);
    expect(screen.getByTestId('save-status')).toHaveTextContent(/all changes saved/i);
    expect(save).toBeDisabled();
    expect(name).toHaveValue('Lovelace Rare Books');

    // The overview shows the new name (its query was invalidated by the save).
    await user.click(screen.getByRole('link', { name: /overview/i }));
    expect(await screen.findByTestId('store-name')).toHaveTextContent('Lovelace Rare Books');
  });

  it('offers the supported currencies and locales by name', async () => {
    startSignedIn();
    stubStore();
    renderApp('/settings');
    const currency = await screen.findByLabelText(/currency/i);
    const values = (select: HTMLElement) =>
      within(select)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value'));
    expect(values(currency)).toEqual(SUPPORTED_CURRENCIES.map((c) => c.code));
    expect(within(currency).getByRole('option', { name: 'Euro (EUR)' })).toBeInTheDocument();
    const locale = screen.getByLabelText(/locale/i);
    expect(values(locale)).toEqual(SUPPORTED_LOCALES.map((l) => l.tag));
    expect(within(locale).getByRole('option', { selected: true })).toHaveTextContent(
      'English (United Kingdom) · en-GB',
    );
    expect(values(screen.getByLabelText(/timezone/i))[0]).toBe('UTC');
  });

  it('keeps a currency and locale no longer offered, and never resends them unchanged', async () => {
    startSignedIn();
    const { requests } = stubStore(storeSettingsPayload({ currency: 'THB', locale: 'th-TH' }));
    renderApp('/settings');
    const user = userEvent.setup();
    const currency = await screen.findByLabelText(/currency/i);
    expect(currency).toHaveValue('THB');
    expect(screen.getByLabelText(/locale/i)).toHaveValue('th-TH');

    // Switched away and back: nothing to save for the currency.
    await user.selectOptions(currency, 'EUR');
    expect(within(currency).getByRole('option', { name: 'THB' })).toBeInTheDocument();
    await user.selectOptions(currency, 'THB');
    expect(screen.getByRole('button', { name: /save changes/i })).toBeDisabled();
    await user.type(screen.getByLabelText(/tagline/i), '!');
    await user.click(screen.getByRole('button', { name: /save changes/i }));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Settings saved');
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      tagline: 'Rare books and first editions!',
    });
    expect(currency).toHaveValue('THB');
  });

  it('shows the API field errors on their fields', async () => {
    startSignedIn();
    stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      'GET /api/merchant/store': () => ({ status: 200, body: storeSettingsPayload() }),
      'PUT /api/merchant/store': () => ({
        status: 400,
        body: errorBody('VALIDATION_FAILED', 'Invalid value for: body.contactEmail', {
          fields: [
            { field: 'body.contactEmail', message: 'Invalid email address' },
            { field: 'body.tagline', message: 'is too long' },
          ],
        }),
      }),
    });
    renderApp('/settings');
    const user = userEvent.setup();
    const email = await screen.findByLabelText(/contact email/i);
    await user.clear(email);
    await user.type(email, 'not-an-email');
    await user.click(screen.getByRole('button', { name: /save changes/i }));

    expect(await screen.findByText('Invalid email address')).toBeVisible();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Tagline is too long')).toBeVisible();
    expect(screen.getByLabelText(/tagline/i)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
    expect(email).toHaveValue('not-an-email');

    // Editing a field clears its error.
    await user.type(email, 'x');
    expect(screen.queryByText('Invalid email address')).not.toBeInTheDocument();
    expect(screen.getByText('Tagline is too long')).toBeVisible();
  });

  it('shows a non-field failure as an alert', async () => {
    startSignedIn();
    stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      'GET /api/merchant/store': () => ({ status: 200, body: storeSettingsPayload() }),
      'PUT /api/merchant/store': () => ({
        status: 503,
        body: errorBody('UNAVAILABLE', 'Database is not answering'),
      }),
    });
    renderApp('/settings');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/tagline/i), '!');
    await user.click(screen.getByRole('button', { name: /save changes/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/database is not answering/i);
  });

  it('shows an error with a retry when the settings cannot be loaded', async () => {
    startSignedIn();
    let fail = true;
    stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      'GET /api/merchant/store': () =>
        fail
          ? { status: 404, body: errorBody('NOT_FOUND', 'Store not found') }
          : { status: 200, body: storeSettingsPayload() },
    });
    renderApp('/settings');
    expect(screen.getByTestId('loading-state')).toBeInTheDocument();
    const error = await screen.findByTestId('error-state');
    expect(error).toHaveTextContent(/store not found/i);
    fail = false;
    await userEvent.click(within(error).getByRole('button', { name: /try again/i }));
    expect(await screen.findByLabelText(/store name/i)).toHaveValue('Lovelace Books');
  });

  it('refetches on store.settings_updated and shows the new values', async () => {
    const session = startSignedIn();
    const { state, requests } = stubStore();
    renderApp('/settings');
    expect(await screen.findByLabelText(/store name/i)).toHaveValue('Lovelace Books');
    const socket = FakeWebSocket.instances[0]!;
    act(() => socket.accept(5));
    await waitFor(() => expect(settingsGets(requests)).toBe(2)); // refetch after (re)connecting

    state.settings = storeSettingsPayload({
      tagline: 'Now with maps',
      updatedAt: '2025-06-01T10:00:00.000Z',
    });
    act(() => socket.emit(settingsEvent(session.merchant.tenantId, 6, ['tagline'])));
    await waitFor(() => expect(screen.getByLabelText(/tagline/i)).toHaveValue('Now with maps'));
    expect(settingsGets(requests)).toBe(3);
    expect(screen.queryByTestId('remote-change-notice')).not.toBeInTheDocument();

    // Other events refresh the overview but leave the settings alone.
    act(() =>
      socket.emit({
        type: 'store.theme_customized',
        seq: 7,
        at: new Date().toISOString(),
        tenantId: session.merchant.tenantId,
        data: { themeId: 't1' },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settingsGets(requests)).toBe(3);
  });

  it('keeps unsaved edits when the settings change elsewhere and offers the latest', async () => {
    const session = startSignedIn();
    const { state } = stubStore();
    renderApp('/settings');
    const user = userEvent.setup();
    const name = await screen.findByLabelText(/store name/i);
    const socket = FakeWebSocket.instances[0]!;
    act(() => socket.accept(5));
    await user.type(name, ' & Co');

    state.settings = storeSettingsPayload({
      name: 'Babbage Books',
      tagline: 'Engines and books',
      updatedAt: '2025-06-01T10:00:00.000Z',
    });
    act(() => socket.emit(settingsEvent(session.merchant.tenantId, 6, ['name', 'tagline'])));

    const notice = await screen.findByTestId('remote-change-notice');
    expect(notice).toHaveTextContent('Updated in another session');
    expect(name).toHaveValue('Lovelace Books & Co');
    expect(screen.getByLabelText(/tagline/i)).toHaveValue('Engines and books');

    await user.click(within(notice).getByRole('button', { name: /load latest/i }));
    expect(name).toHaveValue('Babbage Books');
    expect(screen.queryByTestId('remote-change-notice')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /save changes/i })).toBeDisabled();
  });

  it('does not call the API when the store name is empty', async () => {
    startSignedIn();
    const { requests } = stubStore();
    renderApp('/settings');
    const user = userEvent.setup();
    await user.clear(await screen.findByLabelText(/store name/i));
    await user.click(screen.getByRole('button', { name: /save changes/i }));
    expect(await screen.findByText('Store name is required')).toBeVisible();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });
});
