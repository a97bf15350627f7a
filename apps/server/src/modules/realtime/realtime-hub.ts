/**
 * The realtime gateway of one server instance: the event stream (LISTEN + read by seq) feeds
 * the rooms of this instance's sockets — `admin` (every event) and `tenant:<id>` (that
 * tenant's events). Every instance does the same, so an event committed through any instance
 * (or a worker) reaches every socket. In-process subscribers (`subscribe`) ride the same
 * stream; `caughtUp()` lets a caller wait until they have seen what it committed. Also: heartbeats, token expiry, ended sessions, per-account limits,
 * pruning.
 */
import { REALTIME_CLOSE_CODES, type AnyRealtimeEvent } from '@orbit360/contracts';
import type pg from 'pg';
import type { WebSocket } from 'ws';
import type { Config } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import type { Principal } from '../../platform/http/guards.js';
import {
  ADMIN_ROOM,
  decodeEvent,
  encodeEvent,
  tenantRoom,
  type StoredEvent,
} from './event-frame.js';
import { createEventStream } from './event-stream.js';
import { pruneEvents } from './prune-events.js';
import { RealtimeConnection } from './realtime-connection.js';

const PRUNE_EVERY_MS = 60 * 60 * 1000;
const CLOSE_GRACE_MS = 1000;
/** setTimeout's ceiling (~24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Asks sockets to close; cuts the ones that have not closed after a grace period. */
export async function closeSockets(
  sockets: WebSocket[],
  code: number = REALTIME_CLOSE_CODES.goingAway,
  reason = 'server shutting down',
) {
  if (!sockets.length) return;
  const closed = sockets.map(
    (socket) =>
      new Promise<void>((resolve) => {
        if (socket.readyState === socket.CLOSED) resolve();
        else socket.once('close', () => resolve());
      }),
  );
  for (const socket of sockets) socket.close(code, reason);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(closed),
    new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS))),
  ]);
  clearTimeout(timer);
  for (const socket of sockets) socket.terminate();
}

export type RealtimeSubscriber = (event: AnyRealtimeEvent) => void;

export interface RealtimeHub {
  start(): Promise<void>;
  /** Stops listening and closes every socket (going away). */
  stop(): Promise<void>;
  /** Takes over an authenticated, upgraded socket. */
  attach(
    socket: WebSocket,
    options: { principal: Principal; since?: number; expiresAt?: number },
  ): void;
  /** True when this account already holds the maximum number of connections here. */
  isAtConnectionLimit(principal: Principal): boolean;
  /** Closes the sockets of sessions that ended (close code `sessionEnded`: no reconnect). */
  closeSessions(sessionIds: readonly string[]): Promise<void>;
  /** Every event, on every instance, once, in seq order. Returns an unsubscribe function. */
  subscribe(subscriber: RealtimeSubscriber): () => void;
  /**
   * Resolves once this instance's subscribers have received every event committed before the
   * call (at most `timeoutMs`; at once when the stream is not listening), so a request that
   * committed an event can answer after this instance has acted on it.
   */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Asks every socket to close (reconnect elsewhere); cuts the ones that do not in time. */
  closeAll(code?: number, reason?: string): Promise<void>;
  stats(): { connections: number; lastSeq: number; listening: boolean };
}

export function createRealtimeHub(options: {
  databaseUrl: string;
  pool: pg.Pool;
  logger: Logger;
  config: Config['realtime'];
  /** Period of the listener's safety read (tests shorten it). */
  pollMs?: number;
}): RealtimeHub {
  const { pool, logger, config } = options;
  const rooms = new Map<string, Set<RealtimeConnection>>();
  const perAccount = new Map<string, number>();
  const accountOf = (principal: Principal) => `${principal.kind}:${principal.id}`;
  const connections = new Set<RealtimeConnection>();
  const subscribers = new Set<RealtimeSubscriber>();
  /** Callers of `caughtUp`, each waiting for the stream to pass a seq. */
  const waiters = new Set<{ seq: number; resolve: () => void }>();
  /**
   * The newest committed seq, read once for all callers of the same turn: a provisioning batch's
   * runs all ask at once. Every caller committed before it asked, and the read starts after the
   * turn, so it sees all their commits.
   */
  let pendingRead: Promise<number> | undefined;
  const lastCommittedSeq = () =>
    (pendingRead ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      pendingRead = undefined;
      const { rows } = await pool.query<{ last: string | null }>(
        'select max(seq) as last from events',
      );
      return Number(rows[0]?.last ?? 0);
    }));
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;

  const stream = createEventStream({
    databaseUrl: options.databaseUrl,
    logger,
    pollMs: options.pollMs,
    onEvents: fanOut,
  });

  function fanOut(events: StoredEvent[]) {
    const admins = rooms.get(ADMIN_ROOM);
    // One write per socket per batch, not per event: cork every recipient while the batch is
    // queued. A single event still costs one write; a burst read in one page costs one too.
    const corked = new Set<RealtimeConnection>();
    const deliver = (room: Set<RealtimeConnection>, framed: ReturnType<typeof encodeEvent>) => {
      for (const connection of room) {
        if (!corked.has(connection)) {
          corked.add(connection);
          connection.cork();
        }
        connection.deliver(framed);
      }
    };
    try {
      for (const event of events) {
        const framed = encodeEvent(event);
        if (admins) deliver(admins, framed);
        const tenant = event.tenantId ? rooms.get(tenantRoom(event.tenantId)) : undefined;
        if (tenant) deliver(tenant, framed);
        if (subscribers.size) notifySubscribers(event);
      }
    } finally {
      for (const connection of corked) connection.uncork();
      for (const waiter of waiters) {
        if (stream.lastSeq >= waiter.seq) {
          waiters.delete(waiter);
          waiter.resolve();
        }
      }
    }
  }

  function notifySubscribers(event: StoredEvent) {
    const decoded = decodeEvent(event);
    for (const subscriber of subscribers) {
      try {
        subscriber(decoded);
      } catch (error) {
        logger.error({ err: error, type: decoded.type }, 'realtime subscriber failed');
      }
    }
  }

  const roomOf = (principal: Principal) =>
    principal.kind === 'admin' ? ADMIN_ROOM : tenantRoom(principal.tenantId);

  function join(connection: RealtimeConnection) {
    const key = roomOf(connection.principal);
    let room = rooms.get(key);
    if (!room) rooms.set(key, (room = new Set()));
    room.add(connection);
    connections.add(connection);
    const account = accountOf(connection.principal);
    perAccount.set(account, (perAccount.get(account) ?? 0) + 1);
  }

  function leave(connection: RealtimeConnection) {
    if (!connections.delete(connection)) return;
    const key = roomOf(connection.principal);
    const room = rooms.get(key);
    room?.delete(connection);
    if (room?.size === 0) rooms.delete(key);
    const account = accountOf(connection.principal);
    const count = (perAccount.get(account) ?? 1) - 1;
    if (count > 0) perAccount.set(account, count);
    else perAccount.delete(account);
  }

  function heartbeat() {
    for (const connection of connections) {
      if (!connection.isAlive) {
        connection.markClosed();
        connection.socket.terminate();
        continue;
      }
      connection.isAlive = false;
      connection.socket.ping();
    }
  }

  async function prune() {
    try {
      const removed = await pruneEvents({ db: pool, retentionHours: config.retentionHours });
      if (removed) logger.info({ removed }, 'pruned old realtime events');
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'pruning realtime events failed');
    }
  }

  return {
    async start() {
      await stream.start();
      heartbeatTimer = setInterval(heartbeat, config.heartbeatMs);
      heartbeatTimer.unref();
      void prune();
      pruneTimer = setInterval(prune, Math.min(PRUNE_EVERY_MS, config.retentionHours * 3.6e6));
      pruneTimer.unref();
    },

    async stop() {
      clearInterval(heartbeatTimer);
      clearInterval(pruneTimer);
      await stream.stop();
      await this.closeAll(REALTIME_CLOSE_CODES.goingAway, 'server shutting down');
    },

    attach(socket, { principal, since, expiresAt }) {
      const connection = new RealtimeConnection(
        socket,
        principal,
        { maxBufferedBytes: config.maxBufferedBytes },
        logger,
        stream.lastSeq,
      );
      if (this.isAtConnectionLimit(principal)) {
        socket.close(REALTIME_CLOSE_CODES.tooManyConnections, 'too many connections');
        return;
      }
      join(connection);
      let expiryTimer: NodeJS.Timeout | undefined;
      if (expiresAt !== undefined) {
        const delay = Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now()));
        expiryTimer = setTimeout(() => {
          connection.markClosed();
          socket.close(REALTIME_CLOSE_CODES.tokenExpired, 'session expired');
        }, delay);
      }
      socket.on('pong', () => {
        connection.isAlive = true;
      });
      socket.on('message', (data, isBinary) => connection.onMessage(data, isBinary));
      socket.on('close', () => {
        clearTimeout(expiryTimer);
        connection.markClosed();
        leave(connection);
      });
      // Joined before the replay starts: whatever commits from here on is held, not lost.
      void connection.replay(pool, since, stream.lastSeq);
    },

    isAtConnectionLimit: (principal) =>
      (perAccount.get(accountOf(principal)) ?? 0) >= config.maxConnectionsPerAccount,

    async closeSessions(sessionIds) {
      const ended = new Set(sessionIds);
      const closing = [...connections].filter((c) => ended.has(c.principal.sessionId));
      for (const connection of closing) connection.markClosed();
      await closeSockets(
        closing.map((connection) => connection.socket),
        REALTIME_CLOSE_CODES.sessionEnded,
        'session ended',
      );
    },

    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },

    async caughtUp(timeoutMs = 2000) {
      if (!stream.isConnected) return;
      const seq = await lastCommittedSeq();
      if (stream.lastSeq >= seq || !stream.isConnected) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          resolve();
        }, timeoutMs);
        timer.unref();
        const waiter = {
          seq,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        waiters.add(waiter);
      });
    },

    async closeAll(code = REALTIME_CLOSE_CODES.goingAway, reason = 'server shutting down') {
      for (const connection of connections) connection.markClosed();
      await closeSockets(
        [...connections].map((connection) => connection.socket),
        code,
        reason,
      );
    },

    stats: () => ({
      connections: connections.size,
      lastSeq: stream.lastSeq,
      listening: stream.isConnected,
    }),
  };
}
