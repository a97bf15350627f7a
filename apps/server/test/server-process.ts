/**
 * Test and bench support: runs the real server (`src/main.ts` under tsx, or a compiled bundle
 * under plain node) as a child process on
 * free ports and a scratch DATA_DIR, waits until /healthz answers, and records its JSON log
 * lines. Used for crash tests (SIGKILL mid-work), multi-instance tests and benches.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/platform/net.js';

const SERVER_ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAIN = path.join(SERVER_ROOT, 'src', 'main.ts');

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** JSON log lines the process wrote to stdout. */
  logs: Record<string, unknown>[];
  /** Everything the process wrote to stderr (for failure messages). */
  stderr(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Sends the signal (default SIGKILL) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Graceful stop: SIGTERM, SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/** The first admin every child process creates (ADMIN_EMAIL's default, the password below). */
export const CHILD_ADMIN = { email: 'admin@orbit360.local', password: 'instance-admin-password-1' };

/** Signs in to a child process as its first admin; returns the bearer token. */
export async function childAdminToken(child: Pick<ServerProcess, 'url'>): Promise<string> {
  const res = await fetch(`${child.url}/api/auth/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CHILD_ADMIN),
  });
  if (res.status !== 200) throw new Error(`admin login answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function startServerProcess(options: {
  /** Must include DATABASE_URL; overrides the defaults below. */
  env: Record<string, string>;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** A compiled entry (`dist/main.js`) to run with plain node instead of `src/main.ts` under tsx. */
  compiledMain?: string;
  startTimeoutMs?: number;
}): Promise<ServerProcess> {
  const port = Number(options.env.PORT ?? (await freePort()));
  const [adminPort, dashboardPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orbit360-instance-'));
  const entry = options.compiledMain ? [options.compiledMain] : ['--import', 'tsx', MAIN];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    cwd: SERVER_ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_PORT: String(adminPort),
      DASHBOARD_PORT: String(dashboardPort),
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: CHILD_ADMIN.password,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line));
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (isRunning()) child.kill(signal);
    await exited;
  };
  const stop = async () => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await kill('SIGTERM');
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (!isRunning() || Date.now() > deadline) {
      await kill();
      const lastLogs = logs.slice(-5).map((l) => JSON.stringify(l));
      throw new Error(
        `server process did not start (exit ${child.exitCode ?? child.signalCode}): ${stderr.slice(-2000)} ${lastLogs.join('\n')}`,
      );
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  return { url, port, pid: child.pid!, child, logs, stderr: () => stderr, exited, kill, stop };
}
