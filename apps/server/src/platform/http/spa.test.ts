import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { buildSpaServer, spaOrigins } from './spa.js';

const config = loadConfig({ PORT: '5100', ADMIN_PORT: '5101', DASHBOARD_PORT: '5102' });
const logger = pino({ level: 'silent' }) as FastifyBaseLogger;

describe('SPA server', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spa-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
    app = await buildSpaServer({ name: 'admin', config, logger, root: dir });
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html for client routes (history fallback), never cached', async () => {
    for (const url of ['/', '/merchants/123', '/login?next=%2Fthemes']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('id="root"');
    }
  });

  it('serves fingerprinted assets as immutable and 404s missing files', async () => {
    const asset = await app.inject({ url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  it('sends a strict Content-Security-Policy: own scripts only, network only to the API', async () => {
    const res = await app.inject({ url: '/merchants/123' });
    const csp = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['connect-src']).toEqual(["'self'", 'http://localhost:5100', 'ws://localhost:5100']);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers the runtime config with the API and realtime URLs', async () => {
    const res = await app.inject({ url: '/config.json' });
    expect(res.json()).toEqual({
      app: 'admin',
      apiUrl: 'http://localhost:5100',
      realtimeUrl: 'ws://localhost:5100/api/realtime',
      adminUrl: 'http://localhost:5101',
      dashboardUrl: 'http://localhost:5102',
      platformDomain: 'localhost:5100',
    });
  });

  it('explains how to build when the SPA is missing', async () => {
    const missing = await buildSpaServer({
      name: 'dashboard',
      config,
      logger,
      root: join(dir, 'nope'),
    });
    const res = await missing.inject({ url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    await missing.close();
  });

  it('allows the two SPA origins for CORS', () => {
    expect(spaOrigins(config)).toEqual([
      'http://localhost:5101',
      'http://127.0.0.1:5101',
      'http://localhost:5102',
      'http://127.0.0.1:5102',
    ]);
  });
});
