/**
 * The instance's view of the event log: one dedicated connection (not from the pool, which
 * would recycle it) LISTENs on the events channel. A notification only says "something after
 * seq N committed"; the stream then reads everything after the last seq it has seen, in order,
 * so coalesced, lost or reordered notifications cannot cause gaps. If the connection drops it
 * reconnects with backoff and the same read catches up. A periodic read doubles as a health
 * check of the connection (a silently dead TCP peer never raises an error by itself).
 */
import pg from 'pg';
import type { Logger } from '../../platform/logger.js';
import type { StoredEvent } from './event-frame.js';
import { EVENTS_CHANNEL } from './publish-event.js';
import { readEventsAfter } from './read-events.js';

const PAGE = 1000;
const MAX_BACKOFF_MS = 5000;

export interface EventStream {
  /** Connects and LISTENs; resolves once live. The log's current end becomes the start. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Last seq handed to `onEvents`. */
  readonly lastSeq: number;
  readonly isConnected: boolean;
}

export function createEventStream(options: {
  databaseUrl: string;
  logger: Logger;
  onEvents(events: StoredEvent[]): void;
  /** Period of the safety read / health check. */
  pollMs?: number;
  /** A read taking longer than this marks the connection dead. */
  queryTimeoutMs?: number;
}): EventStream {
  const { logger } = options;
  const pollMs = options.pollMs ?? 5000;
  const queryTimeoutMs = options.queryTimeoutMs ?? 10_000;
  let client: pg.Client | undefined;
  let lastSeq = 0;
  let stopped = false;
  let reading = false;
  let readAgain = false;
  let failures = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: 'orbit360-realtime',
      keepAlive: true,
    });
    c.on('error', (error) => lost(c, error));
    c.on('end', () => lost(c));
    c.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL) return;
      // The payload is the new seq; anything at or below what we have is already delivered.
      if (Number(message.payload) > lastSeq) requestRead();
    });
    try {
      await c.connect();
      await c.query(`listen ${EVENTS_CHANNEL}`);
    } catch (error) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
      throw error;
    }
    return c;
  }

  function lost(c: pg.Client, error?: Error) {
    if (c !== client) return;
    client = undefined;
    reading = false;
    c.removeAllListeners('notification');
    c.end().catch(() => {});
    if (stopped) return;
    logger.warn({ err: error?.message }, 'realtime listener connection lost; reconnecting');
    scheduleReconnect();
  }

  function scheduleReconnect() {
    const base = Math.min(MAX_BACKOFF_MS, 50 * 2 ** failures);
    failures += 1;
    reconnectTimer = setTimeout(
      async () => {
        reconnectTimer = undefined;
        if (stopped) return;
        try {
          const c = await connect();
          if (stopped) {
            await c.end().catch(() => {});
            return;
          }
          client = c;
          failures = 0;
          logger.info({ lastSeq }, 'realtime listener reconnected; catching up');
          requestRead();
        } catch (error) {
          logger.warn({ err: (error as Error).message }, 'realtime listener reconnect failed');
          scheduleReconnect();
        }
      },
      base / 2 + (Math.random() * base) / 2,
    );
  }

  function requestRead() {
    if (!client) return;
    if (reading) {
      readAgain = true;
      return;
    }
    void read(client);
  }

  /** Reads everything after lastSeq; re-runs while notifications arrived meanwhile. */
  async function read(c: pg.Client) {
    reading = true;
    const watchdog = setTimeout(
      () => lost(c, new Error('realtime listener read timed out')),
      queryTimeoutMs,
    );
    try {
      do {
        readAgain = false;
        let page: StoredEvent[];
        do {
          page = await readEventsAfter({ db: c, after: lastSeq, limit: PAGE });
          if (c !== client) return; // replaced meanwhile: the new connection re-reads
          const fresh = page.filter((event) => event.seq > lastSeq);
          if (fresh.length) {
            lastSeq = fresh[fresh.length - 1]!.seq;
            deliver(fresh);
          }
        } while (page.length === PAGE);
      } while (readAgain);
    } catch (error) {
      // A broken connection also emits 'error'/'end' and is replaced by `lost`.
      if (c === client) logger.warn({ err: (error as Error).message }, 'realtime read failed');
    } finally {
      clearTimeout(watchdog);
      if (c === client) reading = false;
    }
  }

  function deliver(events: StoredEvent[]) {
    try {
      options.onEvents(events);
    } catch (error) {
      logger.error({ err: error }, 'realtime fan-out failed');
    }
  }

  return {
    get lastSeq() {
      return lastSeq;
    },
    get isConnected() {
      return client !== undefined;
    },
    async start() {
      stopped = false;
      const c = await connect();
      try {
        // LISTEN first, then read the end: anything committed later is notified.
        const { rows } = await c.query<{ last: string | null }>(
          'select max(seq) as last from events',
        );
        lastSeq = Number(rows[0]?.last ?? 0);
      } catch (error) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
        throw error;
      }
      client = c;
      pollTimer = setInterval(requestRead, pollMs);
      pollTimer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(pollTimer);
      clearTimeout(reconnectTimer);
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners('notification');
        await c.end().catch(() => {});
      }
    },
  };
}
