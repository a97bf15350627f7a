/**
 * Test support: a real `ws` client for the realtime endpoint that records every frame and can
 * wait for conditions, plus a helper that captures a refused upgrade's HTTP answer.
 */
import {
  REALTIME_PATH,
  REALTIME_SUBPROTOCOL,
  REALTIME_TOKEN_PROTOCOL_PREFIX,
  type AnyRealtimeEvent,
  type RealtimeServerFrame,
} from '@orbit360/contracts';
import WebSocket from 'ws';

export interface TestSocket {
  ws: WebSocket;
  frames: RealtimeServerFrame[];
  /** Event frames only, in arrival order. */
  readonly events: AnyRealtimeEvent[];
  /** Resolves with the close code once the socket has closed. */
  closed: Promise<number>;
  waitFor(predicate: (socket: TestSocket) => boolean, timeoutMs?: number): Promise<void>;
  waitForEvents(count: number, timeoutMs?: number): Promise<AnyRealtimeEvent[]>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  token?: string;
  /** How to send the token: subprotocol (default), query parameter, or Authorization header. */
  via?: 'protocol' | 'query' | 'header';
  since?: number;
  autoPong?: boolean;
}

export function realtimeUrl(baseUrl: string, options: ConnectOptions) {
  const url = new URL(REALTIME_PATH, baseUrl.replace(/^http/, 'ws'));
  if (options.since !== undefined) url.searchParams.set('since', String(options.since));
  if (options.via === 'query' && options.token) url.searchParams.set('token', options.token);
  return url.toString();
}

function createSocket(baseUrl: string, options: ConnectOptions) {
  const via = options.via ?? 'protocol';
  const protocols =
    via === 'protocol' && options.token
      ? [REALTIME_SUBPROTOCOL, `${REALTIME_TOKEN_PROTOCOL_PREFIX}${options.token}`]
      : [REALTIME_SUBPROTOCOL];
  const headers: Record<string, string> =
    via === 'header' && options.token ? { authorization: `Bearer ${options.token}` } : {};
  return new WebSocket(realtimeUrl(baseUrl, options), protocols, {
    headers,
    autoPong: options.autoPong ?? true,
  });
}

const isEvent = (frame: RealtimeServerFrame): frame is AnyRealtimeEvent => frame.type.includes('.');

export async function connectTestSocket(
  baseUrl: string,
  options: ConnectOptions,
): Promise<TestSocket> {
  const ws = createSocket(baseUrl, options);
  const frames: RealtimeServerFrame[] = [];
  const waiters = new Set<() => void>();
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as RealtimeServerFrame);
    for (const waiter of waiters) waiter();
  });
  void closed.then(() => {
    for (const waiter of waiters) waiter();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused with ${res.statusCode}`)),
    );
  });
  const socket: TestSocket = {
    ws,
    frames,
    get events() {
      return frames.filter(isEvent);
    },
    closed,
    waitFor(predicate, timeoutMs = 5000) {
      if (predicate(socket)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; ${frames.length} frames received`));
        }, timeoutMs);
        const check = () => {
          if (!predicate(socket)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    async waitForEvents(count, timeoutMs) {
      await socket.waitFor((s) => s.events.length >= count, timeoutMs);
      return socket.events;
    },
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      ws.close();
      await closed;
    },
  };
  return socket;
}

/** Attempts an upgrade that must be refused; returns the HTTP status and JSON body. */
export function refusedUpgrade(
  baseUrl: string,
  options: ConnectOptions,
): Promise<{ status: number; body: unknown }> {
  const ws = createSocket(baseUrl, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', () => {});
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => {
        ws.terminate();
        resolve({ status: res.statusCode ?? 0, body: body ? JSON.parse(body) : undefined });
      });
    });
  });
}
