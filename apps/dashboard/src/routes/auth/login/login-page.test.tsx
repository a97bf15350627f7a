import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorBody, loginResponse, overviewPayload } from '../../../test/fixtures.js';
import { renderApp, setupDashboard, stubFetch } from '../../../test/render-app.js';

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  const emailField = screen.getByLabelText(/email/i);
  await user.clear(emailField);
  if (email) await user.type(emailField, email);
  if (password) await user.type(screen.getByLabelText(/password/i), password);
  await user.click(screen.getByRole('button', { name: /sign in/i }));
}

describe('login page', () => {
  beforeEach(setupDashboard);

  it('validates email and password before calling the API', async () => {
    const requests = stubFetch({});
    renderApp('/login');
    await signIn('', '');
    expect(await screen.findByText('Enter your email address')).toBeVisible();
    expect(screen.getByText('Enter your password')).toBeVisible();
    await signIn('not-an-email', 'x');
    expect(await screen.findByText(/enter a valid email address/i)).toBeVisible();
    expect(screen.getByLabelText(/email/i)).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toHaveLength(0);
  });

  it('explains wrong credentials inline and lets the merchant try again', async () => {
    let attempts = 0;
    stubFetch({
      'POST /api/auth/merchant/login': () => {
        attempts += 1;
        return attempts === 1
          ? { status: 401, body: errorBody('UNAUTHENTICATED', 'Invalid email or password') }
          : { status: 200, body: loginResponse() };
      },
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
    });
    renderApp('/login');
    await signIn('ada@lovelace-books.test', 'wrong-password-1');
    expect(await screen.findByTestId('login-error')).toHaveTextContent(
      /email and password do not match/i,
    );
    await userEvent.clear(screen.getByLabelText(/password/i));
    await signIn('ada@lovelace-books.test', 'correct-horse-42');
    expect(await screen.findByTestId('store-name')).toHaveTextContent('Lovelace Books');
  });

  it('explains rate limiting and suspended stores', async () => {
    let answer = 0;
    stubFetch({
      'POST /api/auth/merchant/login': () =>
        answer++ === 0
          ? {
              status: 429,
              body: errorBody('RATE_LIMITED', 'Too many failed attempts; try again later', {
                retryAfter: 60,
              }),
            }
          : {
              status: 403,
              body: errorBody('FORBIDDEN', 'This store is suspended; contact the platform team'),
            },
    });
    renderApp('/login');
    await signIn('ada@lovelace-books.test', 'correct-horse-42');
    expect(await screen.findByTestId('login-error')).toHaveTextContent(/too many attempts/i);
    await userEvent.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByTestId('login-error')).toHaveTextContent(/store is suspended/i);
  });

  it('signs in, keeps the session across a reload, and signs out', async () => {
    const session = loginResponse();
    const requests = stubFetch({
      'POST /api/auth/merchant/login': () => ({ status: 200, body: session }),
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
    });
    const first = renderApp('/');
    expect(await screen.findByRole('heading', { name: /sign in to your store/i })).toBeVisible();
    await signIn('Ada@Lovelace-Books.test', 'correct-horse-42');
    expect(await screen.findByTestId('store-name')).toHaveTextContent('Lovelace Books');
    expect(requests[0]).toMatchObject({
      path: '/api/auth/merchant/login',
      body: { email: 'Ada@Lovelace-Books.test', password: 'correct-horse-42' },
    });

    // A reload: fresh app and in-memory state, the session comes back from localStorage.
    first.unmount();
    setupDashboard();
    renderApp('/');
    expect(await screen.findByTestId('store-name')).toHaveTextContent('Lovelace Books');

    await userEvent.click(screen.getByRole('button', { name: /account menu/i }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /sign out/i }));
    expect(await screen.findByRole('heading', { name: /sign in to your store/i })).toBeVisible();
    expect(localStorage.getItem('orbit360.dashboard.session')).toBeNull();
  });

  it('uses ?merchant= only as a hint: it pre-fills the remembered email, never signs in', async () => {
    localStorage.setItem(
      'orbit360.dashboard.login-hints',
      JSON.stringify({ merchant_k3x9q2: 'ada@lovelace-books.test' }),
    );
    const requests = stubFetch({});
    renderApp('/?merchant=merchant_k3x9q2');
    expect(await screen.findByRole('heading', { name: /sign in to your store/i })).toBeVisible();
    expect(screen.getByTestId('merchant-hint')).toHaveTextContent('merchant_k3x9q2');
    expect(screen.getByLabelText(/email/i)).toHaveValue('ada@lovelace-books.test');
    await waitFor(() => expect(requests).toHaveLength(0));
  });
});
