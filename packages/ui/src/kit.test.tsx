import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from './api.js';
import { Field } from './components/field.js';
import { Input } from './components/input.js';
import { Progress } from './components/progress.js';
import { Tabs, TabsList, TabsTrigger } from './components/tabs.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  it('turns a validation error into field errors without the body prefix', async () => {
    const fetch = vi.fn(async () =>
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid value for: body.settings.slug',
          details: { fields: [{ field: 'body.settings.slug', message: 'is already taken' }] },
        },
      }),
    );
    const api = createApiClient({ baseUrl: 'http://api.test', fetch });
    const error = await api.post('/x', { a: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.fieldErrors).toEqual({ 'settings.slug': 'is already taken' });
    expect(apiError.field('slug')).toBe('is already taken');
  });

  it('calls onUnauthorized only for a 401 on a request that carried a token', async () => {
    const onUnauthorized = vi.fn();
    const fetch = vi.fn(async () =>
      json(401, { error: { code: 'UNAUTHENTICATED', message: 'Token expired' } }),
    );
    const anonymous = createApiClient({ baseUrl: '', fetch, onUnauthorized });
    await expect(anonymous.get('/a')).rejects.toThrow('Token expired');
    expect(onUnauthorized).not.toHaveBeenCalled();
    const signedIn = createApiClient({ baseUrl: '', fetch, onUnauthorized, getToken: () => 't' });
    await expect(signedIn.get('/a')).rejects.toThrow('Token expired');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenLastCalledWith(
      'http://localhost:3000/a',
      expect.objectContaining({ headers: expect.objectContaining({ authorization: 'Bearer t' }) }),
    );
  });

  it('reports an unreachable server as a network error', async () => {
    const api = createApiClient({
      baseUrl: '',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(api.get('/a')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});

describe('components', () => {
  it('Field wires label, aria-invalid and the error message to its control', () => {
    render(
      <Field label="Store slug" error="is already taken">
        <Input />
      </Field>,
    );
    const input = screen.getByLabelText('Store slug');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('is already taken');
  });

  it('Progress exposes its value to assistive tech', () => {
    render(<Progress value={60} label="Provisioning" />);
    expect(screen.getByRole('progressbar', { name: 'Provisioning' })).toHaveAttribute(
      'aria-valuenow',
      '60',
    );
  });

  it('Tabs are keyboard navigable and show counts', async () => {
    const user = userEvent.setup();
    render(
      <Tabs defaultValue="a">
        <TabsList>
          <TabsTrigger value="a" count={3}>
            Pending
          </TabsTrigger>
          <TabsTrigger value="b">Active</TabsTrigger>
        </TabsList>
      </Tabs>,
    );
    expect(screen.getByRole('tab', { name: /Pending/ })).toHaveTextContent('3');
    await user.click(screen.getByRole('tab', { name: /Pending/ }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Active' })).toHaveAttribute('aria-selected', 'true');
  });
});
