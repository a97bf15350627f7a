/**
 * Starts the real platform for the browser tests: one `apps/server/src/main.ts` process (API,
 * storefronts, worker, admin panel and dashboard servers) on free ports, with a fresh
 * PostgreSQL database — a new database on the machine's server when `pg_isready` answers,
 * otherwise the embedded PostgreSQL in a temporary DATA_DIR. `stop()` kills the process and
 * drops what was created; an exit handler kills it even if the runner dies.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT, RESULTS_DIR } from './paths.js';
import { startSmtpSink, type SmtpSink } from '../../apps/server/test/support/smtp-sink.js';

export interface Platform {
  apiUrl: string;
  adminUrl: string;
  dashboardUrl: string;
  apiPort: number;
  admin: { email: string; password: string };
  /** Store-name marker whose website step fails 3 times (fault injection, test env only). */
  faultyMarker: string;
  /** The platform's mail server (a real SMTP server): one-time links arrive only here. */
  mailbox: SmtpSink;
  logFile: string;
  database: string;
  stop(): Promise<void>;
}

const PG_HOST = '127.0.0.1';
const PG_PORT = 5432;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function hasLocalPostgres() {
  // E2E_EMBEDDED=1 forces the embedded PostgreSQL (what a machine without one would use).
  if (process.env.E2E_EMBEDDED === '1') return false;
  const result = spawnSync('pg_isready', ['-h', PG_HOST, '-p', String(PG_PORT), '-q']);
  return result.status === 0;
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    host: PG_HOST,
    port: PG_PORT,
    user: 'postgres',
    database: 'postgres',
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function waitFor(url: string, child: ChildProcess, logFile: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before ${url} answered:\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = new Error(`${url} answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs} ms (${String(lastError)}):\n${tail(logFile)}`,
  );
}

function tail(file: string, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

/** Builds the SPAs when their dist/ is missing or older than their sources. */
export function ensureSpasBuilt() {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/ensure-spa-build.mjs')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the admin panel and dashboard failed');
}

export async function startPlatform(): Promise<Platform> {
  const [apiPort, adminPort, dashboardPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const dataDir = mkdtempSync(join(tmpdir(), 'orbit360-e2e-'));
  const useLocal = hasLocalPostgres();
  const database = `orbit_e2e_${randomBytes(6).toString('hex')}`;
  if (useLocal) await withAdminClient((c) => c.query(`create database ${database}`));

  mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = join(RESULTS_DIR, 'server.log');
  const log = createWriteStream(logFile);
  const admin = {
    email: 'ops@orbit360.test',
    password: `e2e-${randomBytes(9).toString('base64url')}`,
  };
  const faultyMarker = 'Faulty';

  // One-time links are never shown in the email log (ADR 024): the merchant's mailbox is a
  // real SMTP server, the way a real inbox gets them.
  const mailbox = await startSmtpSink();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    ADMIN_PORT: String(adminPort),
    DASHBOARD_PORT: String(dashboardPort),
    PLATFORM_DOMAIN: `localhost:${apiPort}`,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    PROVISIONING_RETRY_BASE_MS: '50',
    MAIL_RETRY_BASE_MS: '50',
    SMTP_URL: mailbox.url,
    // The website step of stores named "…Faulty…" fails 3 times: auto-retries are exhausted,
    // the provisioning is failed, and a manual retry then succeeds.
    PROVISIONING_FAULTS: `website:fail:3@${faultyMarker}`,
    // Every scenario applies from 127.0.0.1: the per-client signup limit is raised, not removed.
    SIGNUP_LIMIT_PER_CLIENT: '1000',
    ...(useLocal ? { DATABASE_URL: `postgres://postgres@${PG_HOST}:${PG_PORT}/${database}` } : {}),
  };

  // `node --import tsx` runs the server in this one process (the tsx CLI would add a wrapper).
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    process.off('exit', killOnExit);
    log.end();
    await mailbox.stop();
    if (useLocal) {
      await withAdminClient((c) =>
        c.query(`drop database if exists ${database} with (force)`),
      ).catch((error: unknown) => console.error(`could not drop ${database}:`, error));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const platform: Platform = {
    apiUrl: `http://localhost:${apiPort}`,
    adminUrl: `http://localhost:${adminPort}`,
    dashboardUrl: `http://localhost:${dashboardPort}`,
    apiPort,
    admin,
    faultyMarker,
    mailbox,
    logFile,
    database: useLocal
      ? `${database} on ${PG_HOST}:${PG_PORT}`
      : `embedded PostgreSQL in ${dataDir}`,
    stop,
  };
  try {
    await waitFor(`http://127.0.0.1:${apiPort}/healthz`, child, logFile, 90_000);
    await waitFor(`http://127.0.0.1:${adminPort}/healthz`, child, logFile, 10_000);
    await waitFor(`http://127.0.0.1:${dashboardPort}/healthz`, child, logFile, 10_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return platform;
}
