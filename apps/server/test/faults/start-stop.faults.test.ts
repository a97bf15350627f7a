/**
 * `npm start` as a newcomer and a supervisor run it — no DATABASE_URL, so the embedded
 * PostgreSQL — in a private (0700) DATA_DIR: SIGTERM to npm's pid and Ctrl+C (SIGINT to the
 * terminal's process group, which npm also forwards) stop the server and its database, with
 * nothing left running; a SIGKILLed postmaster is restarted while the API answers 503, never
 * 500 (issue 12 items 1–2, issue 14 item 3).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { clusterDirFor, runningEmbeddedUrl } from '../../src/platform/database/embedded.js';
import { freePort } from '../../src/platform/net.js';

const ADMIN_PASSWORD = 'start-stop-admin-password-1';
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface Started {
  npm: ChildProcess;
  url: string;
  dataDir: string;
  output: () => string;
  exited: Promise<number | null>;
}

const started: Started[] = [];
afterAll(async () => {
  for (const s of started) {
    if (s.npm.exitCode === null) process.kill(-s.npm.pid!, 'SIGKILL');
    await rm(s.dataDir, { recursive: true, force: true });
    await rm(clusterDirFor(s.dataDir), { recursive: true, force: true });
  }
});

/** Starts `npm start`; resolves once `/healthz` answers 200, or once `until` shows in its output. */
async function npmStart(until?: string): Promise<Started> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'orbit360-npm-start-'));
  const port = await freePort();
  // Its own process group, as a terminal gives a foreground job (Ctrl+C signals the group).
  const npm = spawn('npm', ['start', '--ignore-scripts'], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_PORT: String(await freePort()),
      DASHBOARD_PORT: String(await freePort()),
      ADMIN_PASSWORD,
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
  const s = { npm, url: `http://127.0.0.1:${port}`, dataDir, output: () => output, exited };
  started.push(s);
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited: ${output}`);
    if (until) {
      if (output.includes(until)) return s;
      await sleep(10);
      continue;
    }
    const res = await fetch(`${s.url}/healthz`).catch(() => null);
    if (res?.status === 200) return s;
    await sleep(100);
  }
  throw new Error(`npm start did not become healthy: ${output}`);
}

/** Processes whose command line names this start's data or cluster directory, or its server. */
async function leftovers(s: Started) {
  const marks = [s.dataDir, clusterDirFor(s.dataDir)];
  const found: string[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    const line = cmdline.replaceAll('\0', ' ');
    if (marks.some((m) => line.includes(m) || environ.includes(`DATA_DIR=${s.dataDir}\0`))) {
      found.push(`${entry}: ${line}`);
    }
  }
  return found;
}

async function expectNothingLeft(s: Started) {
  for (let i = 0; i < 60 && (await leftovers(s)).length; i++) await sleep(250);
  expect(await leftovers(s)).toEqual([]);
}

describe('npm start stops cleanly and supervises its database', () => {
  it('SIGTERM to the npm process stops the server and the embedded PostgreSQL', async () => {
    const s = await npmStart();
    // The app connects as orbit_server (ADR 007), its password this install's own (0600).
    const secret = await stat(path.join(s.dataDir, 'orbit_server.secret'));
    expect(secret.mode & 0o777).toBe(0o600);
    const owner = new pg.Client({ connectionString: (await runningEmbeddedUrl(s.dataDir))! });
    await owner.connect();
    const { rows } = await owner
      .query<{ usename: string }>(
        `select distinct usename from pg_stat_activity
         where datname = 'orbit360' and application_name like 'orbit360%'`,
      )
      .finally(() => owner.end());
    expect(rows.map((row) => row.usename)).toEqual(['orbit_server']);
    process.kill(s.npm.pid!, 'SIGTERM');
    await s.exited;
    await expectNothingLeft(s);
    expect(s.output()).toContain('"msg":"stopped"');
  });

  it('SIGTERM in the middle of start-up stops what started, exiting 0', async () => {
    // Listening, while the worker and the dashboards are still starting.
    const s = await npmStart('Server listening');
    process.kill(s.npm.pid!, 'SIGTERM');
    expect(await s.exited).toBe(0);
    await expectNothingLeft(s);
    expect(s.output()).not.toContain('failed to start');
    expect(s.output()).toContain('"msg":"stopped"');
  });

  it('Ctrl+C (SIGINT to the process group) stops everything, shutting down once', async () => {
    const s = await npmStart();
    process.kill(-s.npm.pid!, 'SIGINT');
    await s.exited;
    await expectNothingLeft(s);
    expect(s.output()).toContain('"msg":"stopped"');
    expect(s.output()).not.toContain('exiting now');
  });

  it('a SIGKILLed postmaster is restarted: 503 while it is down, never 500, then 200', async () => {
    const s = await npmStart();
    const login = await fetch(`${s.url}/api/auth/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@orbit360.local', password: ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const pidFile = path.join(clusterDirFor(s.dataDir), 'postmaster.pid');
    const postmaster = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    const statuses = new Map<number, number>();
    let recovered = false;
    for (const deadline = Date.now() + 30_000; !recovered && Date.now() < deadline;) {
      // An admin read (not rate limited): the account behind the token and the merchant list.
      const res = await fetch(`${s.url}/api/admin/merchants`, {
        headers: { authorization: `Bearer ${token}` },
      }).catch(() => null);
      const status = res?.status ?? 0;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      recovered = status === 200 && s.output().includes('the embedded PostgreSQL was restarted');
      await sleep(50);
    }
    expect(recovered, JSON.stringify([...statuses])).toBe(true);
    // Requests that reached it while it was down (usually a few) were told to come back.
    expect([...statuses.keys()].filter((code) => code !== 200 && code !== 503)).toEqual([]);
    expect(s.output()).toContain('the embedded PostgreSQL was restarted');
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);

    process.kill(s.npm.pid!, 'SIGTERM');
    await s.exited;
    await expectNothingLeft(s);
  });
});
