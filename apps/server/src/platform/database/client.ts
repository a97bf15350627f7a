import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Logger } from '../logger.js';
import { isDatabaseUnavailable } from './connection-errors.js';

export type Db = NodePgDatabase & { $client: pg.Pool };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the pool-backed database or an open transaction. */
export type Executor = NodePgDatabase | Tx;

export interface Database {
  pool: pg.Pool;
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** Bounds on how long the database may keep a request waiting (see ADR 051). */
export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** Server-side `statement_timeout`; the client gives up a little later (a partition). */
  statementMs: number;
  /** Server-side `idle_in_transaction_session_timeout`. */
  idleInTransactionMs: number;
}

/** A timed-out query's answer may never come: how much later than the server's limit. */
const CLIENT_GRACE_MS = 2000;

export function createDatabase(options: {
  url: string;
  poolSize: number;
  logger: Logger;
  applicationName?: string;
  timeouts?: DatabaseTimeouts;
}): Database {
  const { timeouts, logger } = options;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    application_name: options.applicationName ?? 'orbit360',
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    ...(timeouts && {
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      query_timeout: timeouts.statementMs + CLIENT_GRACE_MS,
    }),
    // readAsTenant inlines string literals: they must mean what they say on every server.
    options: '-c standard_conforming_strings=on',
  });
  let closing: Promise<void> | undefined;
  const onConnectionError = (state: string) => (err: Error & { code?: string }) => {
    // 57P01: the server is shutting down — expected for an idle client, and for any client
    // once we close (pool.end() asks clients to end without waiting for them to be gone).
    const expected = err.code === '57P01' && (state === 'idle' || closing !== undefined);
    const level = expected ? 'debug' : 'warn';
    logger[level]({ code: err.code, message: err.message }, `${state} database connection failed`);
  };
  // An idle client losing its connection must not crash the process.
  pool.on('error', onConnectionError('idle'));
  pool.on('connect', (client) => {
    // Nor a checked-out one (pg-pool listens only while a client is idle): the query in flight
    // fails with the error, the request answers 503, and the pool drops the dead client.
    client.on('error', onConnectionError('busy'));
    if (timeouts) closeOnQueryTimeout(client);
  });
  const db = drizzle(pool);
  db.transaction = releasingTransaction(pool);
  return { pool, db, url: options.url, close: () => (closing ??= pool.end()) };
}

/**
 * drizzle's pool transaction sends BEGIN before its try/finally: a connection that died while
 * idle in the pool (a terminated backend not yet noticed) fails BEGIN and is never released —
 * a few of those and every request waits for a client that will not come back. Here the
 * transaction runs on a checked-out client that is always released, and discarded when the
 * failure was the connection's.
 */
function releasingTransaction(pool: pg.Pool): Db['transaction'] {
  const onClient = new WeakMap<pg.PoolClient, NodePgDatabase>();
  return async (work, config) => {
    const client = await pool.connect();
    let db = onClient.get(client);
    if (!db) onClient.set(client, (db = drizzle(client)));
    let broken: Error | undefined;
    try {
      return await db.transaction(work, config);
    } catch (error) {
      if (isDatabaseUnavailable(error)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

/**
 * pg's client-side `query_timeout` rejects the query but leaves the connection waiting for its
 * answer, and a transaction releases the client back to the pool without an error: the next
 * user would queue behind a query that may never return (a partition). Destroying the socket
 * fails everything queued on it at once and makes the pool discard the client.
 */
function closeOnQueryTimeout(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.catch((error: Error) => {
        if (error.message === 'Query read timeout') {
          (
            client as unknown as { connection: { stream: { destroy(): void } } }
          ).connection.stream.destroy();
        }
      });
    }
    return result;
  };
}

/** True when the database answers a trivial query within the timeout. */
export async function isDatabaseHealthy(pool: pg.Pool, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pool.query('select 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Replaces the database name of a postgres URL. */
export function withDatabaseName(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
