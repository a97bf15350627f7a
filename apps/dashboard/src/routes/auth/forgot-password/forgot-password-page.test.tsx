import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorBody } from '../../../test/fixtures.js';
import { renderApp, setupDashboard, stubFetch } from '../../../test/render-app.js';

describe('forgot-password page', () => {
  beforeEach(setupDashboard);

  it('is linked from the sign-in page', async () => {
    stubFetch({});
    renderApp('/login');
    await userEvent.click(await screen.findByRole('link', { name: /forgot your password/i }));
    expect(await screen.findByRole('heading', { name: /reset your password/i })).toBeVisible();
  });

  it('checks the address, asks for a link and confirms without saying whether it exists', async () => {
    const requests = stubFetch({
      'POST /api/auth/merchant/password-reset': () => ({
        status: 202,
        body: { accepted: true },
      }),
    });
    renderApp('/forgot-password');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /send me a link/i }));
    expect(await screen.findByText('Enter your email address')).toBeVisible();
    await user.type(screen.getByLabelText(/email/i), 'owner@store');
    await user.click(screen.getByRole('button', { name: /send me a link/i }));
    expect(await screen.findByText(/enter a valid email address/i)).toBeVisible();
    expect(requests.filter((r) => r.path.startsWith('/api/'))).toHaveLength(0);

    await user.clear(screen.getByLabelText(/email/i));
    await user.type(screen.getByLabelText(/email/i), ' owner@store.com ');
    await user.click(screen.getByRole('button', { name: /send me a link/i }));
    expect(await screen.findByRole('heading', { name: /check your email/i })).toBeVisible();
    expect(screen.getByTestId('reset-sent')).toHaveTextContent(
      /if owner@store\.com belongs to a store owner/i,
    );
    expect(requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/auth/merchant/password-reset',
      body: { email: 'owner@store.com' },
      authorization: null,
    });
  });

  it('keeps the form with a clear message when the request fails', async () => {
    stubFetch({
      'POST /api/auth/merchant/password-reset': () => ({
        status: 503,
        body: errorBody('UNAVAILABLE', 'Service unavailable'),
      }),
    });
    renderApp('/forgot-password');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/email/i), 'owner@store.com');
    await user.click(screen.getByRole('button', { name: /send me a link/i }));
    expect(await screen.findByText(/could not send the link just now/i)).toBeVisible();
    expect(screen.getByLabelText(/email/i)).toHaveValue('owner@store.com');
  });
});
