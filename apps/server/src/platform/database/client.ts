import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Logger } from '../logger.js';

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

export function createDatabase(options: {
  url: string;
  poolSize: number;
  logger: Logger;
  applicationName?: string;
}): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    application_name: options.applicationName ?? 'orbit360',
    idleTimeoutMillis: 30_000,
    // readAsTenant inlines string literals: they must mean what they say on every server.
    options: '-c standard_conforming_strings=on',
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', (err: Error & { code?: string }) => {
    // 57P01: the server is shutting down (expected while stopping the embedded database).
    const level = err.code === '57P01' ? 'debug' : 'warn';
    options.logger[level](
      { code: err.code, message: err.message },
      'idle database connection failed',
    );
  });
  const db = drizzle(pool);
  return { pool, db, url: options.url, close: () => pool.end() };
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
