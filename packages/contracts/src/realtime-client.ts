/**
 * The wire protocol of `GET /api/realtime` and a small client for it that runs in browsers
 * and in Node (pass the `ws` package's constructor on Node 20, which has no global WebSocket).
 *
 * Server → client frames are either events (`{ type, seq, at, tenantId?, data }`, see
 * events.ts) or control frames whose `type` has no dot: `ready`, `pong`, `error`.
 * The client resumes after any disconnect with `?since=<last seq>` and drops duplicates, so
 * its `onEvent` sees every event it may see exactly once, in `seq` order.
 */
import type { AnyRealtimeEvent } from './events.js';

export const REALTIME_PATH = '/api/realtime';
/** Subprotocol the server selects; the token rides along as a second one: `bearer.<token>`. */
export const REALTIME_SUBPROTOCOL = 'orbit360';
export const REALTIME_TOKEN_PROTOCOL_PREFIX = 'bearer.';

/** Close codes used by the server (4xxx: application-defined). */
export const REALTIME_CLOSE_CODES = {
  /** The server is shutting down: reconnect (to another instance). */
  goingAway: 1001,
  /** The session token expired while connected: reconnect with a fresh token. */
  tokenExpired: 4401,
  /** The session ended (logout, password change, suspension): sign in again; no reconnect. */
  sessionEnded: 4403,
  /** Too many open connections for this account. */
  tooManyConnections: 4429,
  /** The server could not replay missed events; reconnect. */
  internalError: 1011,
} as const;

/** Sent once per connection when the missed events (if any) have been delivered. */
export interface RealtimeReadyFrame {
  type: 'ready';
  /** Resume position: pass it as `since` on the next connection. */
  seq: number;
  /**
   * True when events after the requested `since` may have been pruned (older than the
   * retention period) or `since` is unknown to the server: re-read state over HTTP.
   */
  resync: boolean;
}
export interface RealtimePongFrame {
  type: 'pong';
}
export interface RealtimeErrorFrame {
  type: 'error';
  error: { code: string; message: string };
}
export type RealtimeControlFrame = RealtimeReadyFrame | RealtimePongFrame | RealtimeErrorFrame;
export type RealtimeServerFrame = AnyRealtimeEvent | RealtimeControlFrame;
/** The only message a client sends: an application-level ping (browsers cannot see pings). */
export interface RealtimeClientFrame {
  type: 'ping';
}

export type RealtimeStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Any WebSocket constructor with the standard shape (browser `WebSocket`, `ws`). */
export type RealtimeWebSocketConstructor = new (url: string, protocols?: string[]) => unknown;

export interface ConnectRealtimeOptions {
  /** `ws(s)://host/api/realtime`. */
  url: string;
  /** The session token, or a function returning a fresh one on every (re)connect. */
  token: string | (() => string | Promise<string>);
  /** Resume after this seq (e.g. persisted from a previous page load). */
  since?: number;
  onEvent(event: AnyRealtimeEvent): void;
  onStatus?(status: RealtimeStatus, detail?: { code?: number; reason?: string }): void;
  /** After each (re)connect, once missed events are delivered; `resync` → re-read state. */
  onReady?(frame: RealtimeReadyFrame): void;
  WebSocket?: RealtimeWebSocketConstructor;
  /** Reconnect backoff bounds (exponential with jitter). Defaults 250 ms … 10 s. */
  minReconnectMs?: number;
  maxReconnectMs?: number;
  /** Application ping period; a connection silent for two periods is replaced. Default 25 s. */
  pingIntervalMs?: number;
}

export interface RealtimeConnection {
  /** Seq of the last event (or ready frame) received: the resume position. */
  readonly lastSeq: number | undefined;
  readonly status: RealtimeStatus;
  /** Closes for good (no reconnect). */
  close(): void;
}

/** The part of the standard WebSocket interface this client uses. */
interface SocketLike {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

const OPEN = 1;

export function realtimeUrl(url: string, since: number | undefined): string {
  if (since === undefined) return url;
  return `${url}${url.includes('?') ? '&' : '?'}since=${since}`;
}

/** Opens the realtime stream and keeps it open (reconnecting, resuming) until `close()`. */
export function connectRealtime(options: ConnectRealtimeOptions): RealtimeConnection {
  const Implementation =
    options.WebSocket ?? (globalThis as { WebSocket?: RealtimeWebSocketConstructor }).WebSocket;
  if (!Implementation) throw new Error('No WebSocket implementation: pass options.WebSocket');
  const Socket: RealtimeWebSocketConstructor = Implementation;
  const minDelay = options.minReconnectMs ?? 250;
  const maxDelay = options.maxReconnectMs ?? 10_000;
  const pingInterval = options.pingIntervalMs ?? 25_000;

  let lastSeq = options.since;
  let status: RealtimeStatus = 'connecting';
  let socket: SocketLike | undefined;
  let closedByUser = false;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let lastHeard = 0;

  const setStatus = (next: RealtimeStatus, detail?: { code?: number; reason?: string }) => {
    status = next;
    options.onStatus?.(next, detail);
  };

  const handleFrame = (frame: RealtimeServerFrame) => {
    if (frame.type === 'ready') {
      attempt = 0;
      lastSeq = Math.max(lastSeq ?? 0, frame.seq);
      options.onReady?.(frame);
    } else if (frame.type === 'pong' || frame.type === 'error') {
      // pong: liveness only (lastHeard is updated for every frame); errors answer bad input.
    } else if (lastSeq === undefined || frame.seq > lastSeq) {
      lastSeq = frame.seq;
      options.onEvent(frame);
    }
  };

  const stopPing = () => {
    if (pingTimer !== undefined) clearInterval(pingTimer);
    pingTimer = undefined;
  };

  const scheduleReconnect = (detail: { code?: number; reason?: string }) => {
    stopPing();
    socket = undefined;
    if (closedByUser) return;
    setStatus('reconnecting', detail);
    const base = Math.min(maxDelay, minDelay * 2 ** attempt);
    attempt += 1;
    reconnectTimer = setTimeout(open, base / 2 + (Math.random() * base) / 2);
  };

  async function open() {
    reconnectTimer = undefined;
    if (closedByUser) return;
    let token: string;
    try {
      token = typeof options.token === 'function' ? await options.token() : options.token;
    } catch {
      scheduleReconnect({ reason: 'token unavailable' });
      return;
    }
    if (closedByUser) return;
    let current: SocketLike;
    try {
      current = new Socket(realtimeUrl(options.url, lastSeq), [
        REALTIME_SUBPROTOCOL,
        `${REALTIME_TOKEN_PROTOCOL_PREFIX}${token}`,
      ]) as SocketLike;
    } catch (error) {
      // A malformed URL never heals: stop rather than retry forever.
      closedByUser = true;
      setStatus('closed', { reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    socket = current;
    current.onopen = () => {
      lastHeard = Date.now();
      setStatus('open');
      stopPing();
      pingTimer = setInterval(() => {
        if (Date.now() - lastHeard > pingInterval * 2) {
          current.onclose = null;
          current.close(4000, 'no answer from server');
          scheduleReconnect({ reason: 'no answer from server' });
          return;
        }
        if (current.readyState === OPEN) current.send(JSON.stringify({ type: 'ping' }));
      }, pingInterval);
    };
    current.onmessage = (event) => {
      lastHeard = Date.now();
      if (typeof event.data !== 'string') return;
      let frame: RealtimeServerFrame;
      try {
        frame = JSON.parse(event.data) as RealtimeServerFrame;
      } catch {
        return; // not ours to crash on
      }
      try {
        handleFrame(frame);
      } catch (error) {
        // A throwing handler must not break the stream; surface it asynchronously.
        setTimeout(() => {
          throw error;
        });
      }
    };
    current.onerror = () => {
      // Always followed by onclose, which decides what happens next.
    };
    current.onclose = (event) => {
      if (socket !== current) return;
      if (event.code === REALTIME_CLOSE_CODES.sessionEnded) {
        // Reconnecting with the same token can only be refused: stop and say why.
        stopPing();
        socket = undefined;
        closedByUser = true;
        setStatus('closed', { code: event.code, reason: event.reason });
        return;
      }
      scheduleReconnect({ code: event.code, reason: event.reason });
    };
  }

  options.onStatus?.('connecting');
  void open();

  return {
    get lastSeq() {
      return lastSeq;
    },
    get status() {
      return status;
    },
    close() {
      if (closedByUser) return;
      closedByUser = true;
      if (reconnectTimer !== undefined) clearTimeout(reconnectTimer);
      stopPing();
      const current = socket;
      socket = undefined;
      if (current) {
        current.onclose = null;
        current.close(1000, 'client closed');
      }
      setStatus('closed');
    },
  };
}
