import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script, no type declarations
import { SERVER_ROOT, buildServer } from '../../scripts/build.mjs';
import { createDatabase, withDatabaseName } from '../../src/platform/database/index.js';
import { createLogger } from '../../src/platform/logger.js';
import { CHILD_ADMIN, startServerProcess, type ServerProcess } from '../server-process.js';

/**
 * Issue 12 item 3: production runs the compiled bundle with plain node. The bundle is built with
 * the same script as `npm run build`, started with NODE_ENV=production on a brand-new (unmigrated)
 * database, answers /healthz and a real API call, and exits 0 on SIGTERM.
 */
describe('the compiled server in production', () => {
  // Inside apps/server, as dist/ is: the bundle's packages resolve from node_modules above it.
  const outdir = mkdtempSync(path.join(SERVER_ROOT, '.dist-test-'));
  const name = `orbit_prod_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = createDatabase({
    url: inject('postgresUrl'),
    poolSize: 1,
    logger: createLogger('silent'),
  });
  let child: ServerProcess | undefined;

  beforeAll(async () => {
    await (buildServer as (o: object) => Promise<void>)({ outdir, logLevel: 'warning' });
    await admin.pool.query(`create database ${name}`);
  });
  afterAll(async () => {
    await child?.kill();
    await admin.pool.query(`drop database if exists ${name} with (force)`);
    await admin.close();
    rmSync(outdir, { recursive: true, force: true });
  });

  it('migrates a fresh database, serves the API and stops cleanly on SIGTERM', async () => {
    child = await startServerProcess({
      compiledMain: path.join(outdir, 'main.js'),
      env: {
        NODE_ENV: 'production',
        // The two roles of ADR 007: the app's own (granted its rights after the migrations)
        // and the owner's.
        DATABASE_URL: withDatabaseName(inject('appUrl'), name),
        MIGRATION_DATABASE_URL: withDatabaseName(inject('postgresUrl'), name),
        JWT_SECRET: 'production-secret-production-secret-1234',
        PUBLIC_URL: 'https://api.shops.example',
        PLATFORM_DOMAIN: 'shops.example',
        SMTP_URL: 'smtp://127.0.0.1:1',
      },
    });
    expect((await fetch(`${child.url}/healthz`)).status).toBe(200);

    const login = await fetch(`${child.url}/api/auth/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CHILD_ADMIN),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    // The built-in themes (Liquid files found from the bundle's location) were seeded at boot.
    const themes = await fetch(`${child.url}/api/provisioning/themes`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(themes.status).toBe(200);
    expect(((await themes.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

    child.child.kill('SIGTERM');
    expect(await child.exited).toBe(0);
  });

  it('refuses to start in production without its settings: one line each, exit 1', async () => {
    const run = startServerProcess({
      compiledMain: path.join(outdir, 'main.js'),
      env: { NODE_ENV: 'production', PROVISIONING_FAULTS: 'website:fail:1' },
      startTimeoutMs: 10_000,
    });
    const error = ((await run.catch((e: Error) => e)) as Error).message;
    expect(error).toContain('exit 1');
    for (const variable of [
      'DATABASE_URL',
      'JWT_SECRET',
      'PUBLIC_URL',
      'PLATFORM_DOMAIN',
      'SMTP_URL',
      'PROVISIONING_FAULTS',
    ])
      expect(error).toContain(`- ${variable}: `);
    expect(error).not.toMatch(/\n\s+at /);
  });

  it('refuses an app role that could leave row-level security behind: one line, exit 1', async () => {
    const owner = withDatabaseName(inject('postgresUrl'), name);
    const run = startServerProcess({
      compiledMain: path.join(outdir, 'main.js'),
      env: {
        NODE_ENV: 'production',
        // The superuser as the app's role (ADR 007).
        DATABASE_URL: owner,
        MIGRATION_DATABASE_URL: owner,
        JWT_SECRET: 'production-secret-production-secret-1234',
        PUBLIC_URL: 'https://api.shops.example',
        PLATFORM_DOMAIN: 'shops.example',
        SMTP_URL: 'smtp://127.0.0.1:1',
      },
      startTimeoutMs: 20_000,
    });
    const error = ((await run.catch((e: Error) => e)) as Error).message;
    expect(error).toContain('exit 1');
    const lines = error.split('\n').filter((line) => line.includes('Orbit360 failed to start'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /Orbit360 failed to start: DATABASE_URL connects as \S+, a superuser: point DATABASE_URL at a role with NOSUPERUSER NOBYPASSRLS/,
    );
    expect(error).not.toMatch(/\n\s+at /);
  });
});
