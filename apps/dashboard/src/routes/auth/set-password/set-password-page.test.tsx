import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorBody, loginResponse, overviewPayload } from '../../../test/fixtures.js';
import { renderApp, setupDashboard, stubFetch } from '../../../test/render-app.js';

const TOKEN = 'wX3bJ9kLq2Vt8nRp5sYz1cA7dF4gH6jK';

const tokenError = (reason: 'invalid' | 'expired' | 'used', message: string) => ({
  status: 400,
  body: errorBody('BAD_REQUEST', message, {
    reason,
    fields: [{ field: 'body.token', message }],
  }),
});

async function fillAndSubmit(password: string, confirm = password) {
  const user = userEvent.setup();
  if (password) await user.type(screen.getByLabelText(/new password/i), password);
  if (confirm) await user.type(screen.getByLabelText(/confirm password/i), confirm);
  await user.click(screen.getByRole('button', { name: /set password/i }));
  return user;
}

describe('set-password page', () => {
  beforeEach(setupDashboard);

  it('validates the form before calling the API', async () => {
    const requests = stubFetch({});
    renderApp(`/set-password?token=${TOKEN}`);
    await fillAndSubmit('', '');
    expect(await screen.findByText('Choose a password')).toBeInTheDocument();
    expect(screen.getByText('Type the password again')).toBeInTheDocument();
    expect(screen.getByLabelText(/new password/i)).toHaveAttribute('aria-invalid', 'true');

    await fillAndSubmit('short1');
    expect(await screen.findByText(/password is too weak: at least 10 characters/i)).toBeVisible();

    await userEvent.clear(screen.getByLabelText(/new password/i));
    await userEvent.clear(screen.getByLabelText(/confirm password/i));
    await fillAndSubmit('onlyletterspassword');
    expect(await screen.findByText(/contains a digit/i, { selector: 'p' })).toBeVisible();

    await userEvent.clear(screen.getByLabelText(/new password/i));
    await userEvent.clear(screen.getByLabelText(/confirm password/i));
    await fillAndSubmit('good-password-42', 'good-password-43');
    expect(await screen.findByText('The passwords do not match')).toBeVisible();
    expect(requests.filter((r) => r.path.startsWith('/api/'))).toHaveLength(0);
  });

  it('shows the requirements as they are met', async () => {
    stubFetch({});
    renderApp(`/set-password?token=${TOKEN}`);
    const rules = screen.getByRole('list', { name: /password requirements/i });
    expect(rules).toHaveTextContent(/at least 10 characters \(not met yet\)/i);
    await userEvent.type(screen.getByLabelText(/new password/i), 'abcdefghij1');
    expect(rules).toHaveTextContent(/at least 10 characters \(met\)/i);
    expect(rules).toHaveTextContent(/contains a digit \(met\)/i);
  });

  it('shows a weak-password answer of the API on the password field', async () => {
    stubFetch({
      'POST /api/auth/merchant/set-password': () => ({
        status: 400,
        body: errorBody('VALIDATION_FAILED', 'Invalid value for: body.password', {
          fields: [{ field: 'body.password', message: 'must contain letters and digits' }],
        }),
      }),
    });
    renderApp(`/set-password?token=${TOKEN}`);
    await fillAndSubmit('correct-horse-42');
    expect(await screen.findByText('Password must contain letters and digits')).toBeVisible();
    expect(screen.getByLabelText(/new password/i)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('token-problem')).not.toBeInTheDocument();
  });

  it.each([
    ['expired', 'This link has expired; ask for a new one', /this link has expired/i, /new link/],
    ['used', 'This link was already used; sign in instead', /already been used/i, /sign in/i],
    [
      'invalid',
      'This link is not valid; ask for a new one',
      /this link is not valid/i,
      /whole link/,
    ],
  ] as const)('explains a link whose token is %s', async (reason, message, title, body) => {
    const requests = stubFetch({
      'POST /api/auth/merchant/set-password': () => tokenError(reason, message),
    });
    renderApp(`/set-password?token=${TOKEN}`);
    await fillAndSubmit('correct-horse-42');
    expect(await screen.findByRole('heading', { name: title })).toBeVisible();
    expect(screen.getByTestId('token-problem')).toHaveAttribute('data-problem', reason);
    expect(screen.getByTestId('token-problem')).toHaveTextContent(body);
    expect(screen.getByRole('link', { name: /go to sign in/i })).toHaveAttribute('href', '/login');
    expect(screen.getByRole('link', { name: /email me a new link/i })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/auth/merchant/set-password',
      body: { token: TOKEN, password: 'correct-horse-42' },
      authorization: null,
    });
  });

  it('explains a link without a token', async () => {
    stubFetch({});
    renderApp('/set-password');
    expect(await screen.findByRole('heading', { name: /this link is incomplete/i })).toBeVisible();
  });

  it('keeps the form when the API cannot be reached', async () => {
    stubFetch({
      'POST /api/auth/merchant/set-password': () =>
        Promise.reject(new TypeError('Failed to fetch')),
    });
    renderApp(`/set-password?token=${TOKEN}`);
    await fillAndSubmit('correct-horse-42');
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/i);
    expect(screen.getByLabelText(/new password/i)).toBeInTheDocument();
  });

  it('signs the merchant in and opens the overview', async () => {
    const session = loginResponse();
    const requests = stubFetch({
      'POST /api/auth/merchant/set-password': () => ({ status: 200, body: session }),
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
    });
    renderApp(`/set-password?token=${TOKEN}`);
    await fillAndSubmit('correct-horse-42');
    expect(await screen.findByTestId('store-name')).toHaveTextContent('Lovelace Books');
    expect(screen.getByText('Your password is set')).toBeInTheDocument();
    await waitFor(() =>
      expect(requests.find((r) => r.path === '/api/merchant/overview')?.authorization).toBe(
        `Bearer ${session.token}`,
      ),
    );
  });
});
