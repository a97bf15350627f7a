import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../lib/session-store.js';
import { errorBody, loginResponse, overviewPayload, usagePayload } from '../../../test/fixtures.js';
import { FakeWebSocket, renderApp, setupDashboard, stubFetch } from '../../../test/render-app.js';

function startSignedIn() {
  const session = loginResponse();
  signIn({ token: session.token, merchant: session.merchant, email: 'ada@lovelace-books.test' });
  return session;
}

describe('overview page', () => {
  beforeEach(setupDashboard);

  it('shows the store status, website, plan, theme and onboarding checklist', async () => {
    startSignedIn();
    stubFetch({ 'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }) });
    renderApp('/');
    expect(screen.getByTestId('loading-state')).toBeInTheDocument();
    expect(await screen.findByTestId('store-name')).toHaveTextContent('Lovelace Books');
    expect(document.title).toBe('Lovelace Books overview · Orbit360 Merchant');
    expect(screen.getByTestId('store-status')).toHaveTextContent('Live');
    expect(screen.getByRole('link', { name: /open website/i })).toHaveAttribute(
      'href',
      'http://lovelace-books.localhost:5000',
    );
    expect(screen.getByTestId('stat-plan')).toHaveTextContent('Professional');
    expect(screen.getByText('$79.99 / month')).toBeInTheDocument();
    expect(screen.getByTestId('stat-theme')).toHaveTextContent('Classic');
    const checklist = screen.getByTestId('onboarding-checklist');
    expect(within(checklist).getByText('1 of 3 tasks done')).toBeInTheDocument();
    expect(within(checklist).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '33');
    expect(within(checklist).getByText(/add your first product/i)).toHaveTextContent('(to do)');
  });

  it('shows usage against the plan and links the first product task to the editor', async () => {
    startSignedIn();
    stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      'GET /api/merchant/usage': () => ({
        status: 200,
        body: { ...usagePayload({ used: 5, limit: 5 }), staffAccounts: { used: 1, limit: null } },
      }),
      'GET /api/merchant/collections': () => ({ status: 200, body: { items: [] } }),
    });
    renderApp('/');
    const card = await screen.findByTestId('usage-card');
    expect(await within(card).findByTestId('usage-products')).toHaveTextContent('5 of 5');
    expect(card).toHaveTextContent('12 MB of 1000 MB');
    expect(card).toHaveTextContent('1 (unlimited)');
    expect(card).toHaveTextContent(/reached your plan's product limit/i);

    const checklist = screen.getByTestId('onboarding-checklist');
    await userEvent.click(within(checklist).getByRole('link', { name: /add your first product/i }));
    expect(await screen.findByRole('heading', { name: 'Add product' })).toBeVisible();
  });

  it('shows only the signed-in store even when ?merchant= names another one', async () => {
    const session = startSignedIn();
    const requests = stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
    });
    renderApp('/?merchant=merchant_someoneelse');
    expect(await screen.findByTestId('store-name')).toHaveTextContent('Lovelace Books');
    expect(screen.getByTestId('merchant-mismatch')).toHaveTextContent(/different store/i);
    expect(requests.every((r) => r.authorization === `Bearer ${session.token}`)).toBe(true);
    expect(requests.some((r) => `${r.path}${r.search}`.includes('someoneelse'))).toBe(false);
  });

  it('does not warn when ?merchant= is the signed-in store', async () => {
    startSignedIn();
    stubFetch({ 'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }) });
    renderApp('/?merchant=merchant_k3x9q2');
    expect(await screen.findByTestId('store-name')).toBeInTheDocument();
    expect(screen.queryByTestId('merchant-mismatch')).not.toBeInTheDocument();
  });

  it('updates live when the store goes live', async () => {
    const session = startSignedIn();
    let store = overviewPayload({ status: 'provisioning', liveAt: null });
    stubFetch({ 'GET /api/merchant/overview': () => ({ status: 200, body: store }) });
    renderApp('/');
    expect(await screen.findByTestId('provisioning-notice')).toBeVisible();
    expect(screen.getByTestId('store-status')).toHaveTextContent('Setting up');

    const socket = FakeWebSocket.instances[0]!;
    expect(socket.url).toBe('ws://api.test/api/realtime');
    expect(socket.protocols).toContain(`bearer.${session.token}`);
    act(() => socket.accept(10));
    expect(await screen.findByTestId('live-indicator')).toHaveAttribute('data-status', 'live');

    store = overviewPayload();
    act(() =>
      socket.emit({
        type: 'provisioning.completed',
        seq: 11,
        at: new Date().toISOString(),
        tenantId: session.merchant.tenantId,
        data: {
          merchantId: session.merchant.merchantId,
          provisioningId: 'p1',
          durationMs: 80,
          websiteUrl: 'http://demo.localhost:5000',
        },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('store-status')).toHaveTextContent('Live'));
    expect(screen.queryByTestId('provisioning-notice')).not.toBeInTheDocument();
  });

  it('drops a stored session whose token has expired, without calling the API', async () => {
    const session = loginResponse();
    localStorage.setItem(
      'orbit360.dashboard.session',
      JSON.stringify({
        ...session,
        email: 'ada@lovelace-books.test',
        expiresAt: Date.now() - 1000,
      }),
    );
    const requests = stubFetch({});
    renderApp('/');
    expect(await screen.findByRole('heading', { name: /sign in to your store/i })).toBeVisible();
    expect(requests).toHaveLength(0);
    expect(localStorage.getItem('orbit360.dashboard.session')).toBeNull();
  });

  it('ends the session when the API no longer accepts the token', async () => {
    startSignedIn();
    stubFetch({
      'GET /api/merchant/overview': () => ({
        status: 401,
        body: errorBody('UNAUTHENTICATED', 'Session token is missing, expired or invalid'),
      }),
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: /sign in to your store/i })).toBeVisible();
    expect(screen.getByText(/your session has ended/i)).toBeVisible();
  });

  it('shows an error with a retry when the overview cannot be loaded', async () => {
    startSignedIn();
    let fail = true;
    stubFetch({
      'GET /api/merchant/overview': () =>
        fail
          ? { status: 503, body: errorBody('UNAVAILABLE', 'Database is not answering') }
          : { status: 200, body: overviewPayload() },
    });
    renderApp('/');
    const error = await screen.findByTestId('error-state', {}, { timeout: 5000 });
    expect(error).toHaveTextContent(/database is not answering/i);
    fail = false;
    await userEvent.click(within(error).getByRole('button', { name: /try again/i }));
    expect(await screen.findByTestId('store-name')).toHaveTextContent('Lovelace Books');
  });
});
