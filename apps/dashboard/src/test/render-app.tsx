/**
 * Renders the whole dashboard at a path with the network boundary stubbed: `fetch` answers
 * from a route table (recording every request), and WebSocket is a controllable fake.
 */
import { render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../app.js';
import { setRuntimeConfig } from '../lib/runtime-config.js';
import { resetSessionCache } from '../lib/session-store.js';

export const API = 'http://api.test';

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  body: unknown;
  authorization: string | null;
  headers: Headers;
}

type Reply = { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;
export type Routes = Record<string, (request: RecordedRequest) => Reply>;

export function stubFetch(routes: Routes) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.get('authorization'),
      headers,
    };
    requests.push(request);
    if (url.origin !== API) return new Response(null, { status: 404 });
    const handler = routes[`${request.method} ${request.path}`];
    const reply = handler
      ? await handler(request)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'No route' } } };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return requests;
}

export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  sent: string[] = [];

  constructor(
    readonly url: string,
    readonly protocols?: string[],
  ) {
    FakeWebSocket.instances.push(this);
  }

  send(data: string) {
    this.sent.push(data);
  }

  close() {
    this.readyState = 3;
  }

  /** Server side: accept the connection and send the `ready` frame. */
  accept(seq = 0) {
    this.readyState = 1;
    this.onopen?.({});
    this.emit({ type: 'ready', seq, resync: false });
  }

  emit(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

export function setupDashboard() {
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
  setRuntimeConfig({ apiUrl: API, realtimeUrl: 'ws://api.test/api/realtime' });
  resetSessionCache();
}

export function renderApp(path: string) {
  const result = render(<App initialPath={path} />);
  return { ...result, screen };
}
