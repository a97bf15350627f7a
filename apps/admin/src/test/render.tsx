/**
 * Renders admin components with the app's real providers (runtime config, session, query
 * client, API client, router) and a fetch stub that answers like the API: tests register
 * `METHOD /path` handlers returning realistic payloads; anything unexpected fails loudly.
 */
import { ToastProvider, type RuntimeConfig } from '@orbit360/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { ApiProvider } from '../lib/api.js';
import { RuntimeProvider } from '../lib/runtime.js';
import { SESSION_STORAGE_KEY, SessionProvider } from '../lib/session.js';

export const runtimeConfig: RuntimeConfig = {
  app: 'admin',
  apiUrl: 'http://api.test',
  realtimeUrl: 'ws://api.test/api/realtime',
  adminUrl: 'http://localhost:3001',
  dashboardUrl: 'http://localhost:3003',
  platformDomain: 'localhost:5000',
};

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (
  request: RecordedRequest,
) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

export function json(status: number, body?: unknown) {
  return { status, body };
}

/** Stubs global fetch; returns the list of requests made, in order. */
export function stubApi(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input);
      const request: RecordedRequest = {
        method: init.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: (init.headers ?? {}) as Record<string, string>,
      };
      requests.push(request);
      const handler = routes[`${request.method} ${request.path}`];
      if (!handler) throw new Error(`Unexpected request ${request.method} ${request.path}`);
      const { status, body } = await handler(request);
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return requests;
}

export function signInAs(role: 'super_admin' | 'admin' | 'viewer' = 'super_admin') {
  localStorage.setItem(
    SESSION_STORAGE_KEY,
    JSON.stringify({
      token: 'test-token',
      admin: {
        id: '0b1c2d3e-0000-4000-8000-000000000001',
        email: 'admin@orbit360.local',
        name: 'Platform Admin',
        role,
      },
    }),
  );
}

export function renderWithProviders(ui: ReactElement) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  return render(
    <RuntimeProvider config={runtimeConfig}>
      <SessionProvider>
        <QueryClientProvider client={queryClient}>
          <ApiProvider>
            <ToastProvider>
              <MemoryRouter>{ui}</MemoryRouter>
            </ToastProvider>
          </ApiProvider>
        </QueryClientProvider>
      </SessionProvider>
    </RuntimeProvider>,
  );
}
