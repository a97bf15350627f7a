/**
 * Test and bench support: runs the real server (`src/main.ts`) as a separate process on a
 * given database, on free ports, and stops it with SIGTERM (graceful) when done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../platform/net.js';

const SERVER_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = path.join(SERVER_ROOT, 'src', 'main.ts');

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote to stderr (for failure messages). */
  stderr(): string;
  stop(): Promise<void>;
}

export async function spawnServer(options: {
  databaseUrl: string;
  jwtSecret: string;
  env?: Record<string, string>;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  startTimeoutMs?: number;
}): Promise<ServerProcess> {
  const port = Number(options.env?.PORT ?? (await freePort()));
  const [adminPort, dashboardPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'orbit360-instance-'));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', MAIN], {
    cwd: SERVER_ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_PORT: String(adminPort),
      DASHBOARD_PORT: String(dashboardPort),
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl,
      JWT_SECRET: options.jwtSecret,
      ADMIN_PASSWORD: 'instance-admin-password-1',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server process exited during start: ${stderr}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server process did not start in time: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid!, child, stderr: () => stderr, stop };
}
