import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router-dom';
import { SESSION_STORAGE_KEY } from '../../../lib/session.js';
import { json, renderWithProviders, stubApi } from '../../../test/render.js';
import { LoginForm } from './login-form.js';
import { LoginPage } from './login-page.js';

const ADMIN = {
  id: '0b1c2d3e-0000-4000-8000-000000000001',
  email: 'admin@orbit360.local',
  name: 'Platform Admin',
  role: 'super_admin',
};

describe('admin login', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('validates the fields before calling the API', async () => {
    const user = userEvent.setup();
    const requests = stubApi({});
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');

    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/valid email address/);
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(requests).toHaveLength(0);
  });

  it('explains wrong credentials inline', async () => {
    const user = userEvent.setup();
    stubApi({
      'POST /api/auth/admin/login': () =>
        json(401, { error: { code: 'UNAUTHENTICATED', message: 'Invalid email or password' } }),
    });
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    await user.type(screen.getByLabelText('Email'), 'admin@orbit360.local');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByTestId('login-error')).toHaveTextContent(
      'That email and password do not match an admin account.',
    );
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('shows a rate limit message from the server', async () => {
    const user = userEvent.setup();
    stubApi({
      'POST /api/auth/admin/login': () =>
        json(429, {
          error: { code: 'RATE_LIMITED', message: 'Too many attempts; try again in 60 s' },
        }),
    });
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    await user.type(screen.getByLabelText('Email'), 'admin@orbit360.local');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByTestId('login-error')).toHaveTextContent(
      'Too many attempts; try again in 60 s',
    );
  });

  it('signs in, keeps the session for the next page load and opens the app', async () => {
    const user = userEvent.setup();
    const requests = stubApi({
      'POST /api/auth/admin/login': () =>
        json(200, { token: 'header.payload.signature', admin: ADMIN }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/" element={<LoginPage />} />
        <Route path="/merchants" element={<p>Merchants screen</p>} />
      </Routes>,
    );
    await user.type(screen.getByLabelText('Email'), ' admin@orbit360.local ');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Merchants screen')).toBeInTheDocument();
    expect(requests[0]!.body).toEqual({
      email: 'admin@orbit360.local',
      password: 'correct horse battery',
    });
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY)!)).toEqual({
        token: 'header.payload.signature',
        admin: ADMIN,
      }),
    );
  });
});
