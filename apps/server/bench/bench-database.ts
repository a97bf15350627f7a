/**
 * The scratch database a bench runs on: a fresh database on `DATABASE_URL`'s server, or on
 * an embedded PostgreSQL started in a temporary directory. `drop()` removes all of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createDatabase,
  startEmbeddedPostgres,
  runMigrations,
  withDatabaseName,
  type EmbeddedDatabase,
} from '../src/platform/database/index.js';
import { prepareAppRole } from '../src/platform/database/roles.js';
import { loadConfig } from '../src/platform/config.js';
import type { Logger } from '../src/platform/logger.js';

export async function openBenchDatabase(options: {
  logger: Logger;
  prefix: string;
  /** Settings of the embedded server (ignored with DATABASE_URL). */
  settings?: Record<string, string>;
}) {
  const { logger } = options;
  let embedded: EmbeddedDatabase | undefined;
  let scratch: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    scratch = mkdtempSync(path.join(tmpdir(), `orbit360-${options.prefix}-`));
    embedded = await startEmbeddedPostgres({
      dataDir: scratch,
      logger,
      settings: options.settings,
    });
    serverUrl = embedded.url;
  }
  const name = `orbit_${options.prefix.replaceAll('-', '_')}_${process.pid}`;
  const admin = createDatabase({ url: serverUrl, poolSize: 1, logger });
  await admin.pool.query(`drop database if exists ${name} with (force)`);
  await admin.pool.query(`create database ${name}`);
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    label: embedded ? 'embedded PostgreSQL' : 'DATABASE_URL',
    /**
     * A production config on this database, as production runs (ADR 007): migrated as the
     * owner, the app as orbit_server. `overrides` replace the benches' shared settings.
     */
    async productionConfig(overrides: Record<string, string> = {}) {
      const ownerUrl = withDatabaseName(serverUrl, name);
      await runMigrations(ownerUrl);
      const appUrl = await prepareAppRole({ ownerUrl, appUrl: ownerUrl, production: false });
      return loadConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: appUrl,
        MIGRATION_DATABASE_URL: ownerUrl,
        DATABASE_POOL_SIZE: '20',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-123',
        ADMIN_PASSWORD: 'bench-password-123456',
        PUBLIC_URL: 'http://localhost:5000',
        PLATFORM_DOMAIN: 'localhost:5000',
        SMTP_URL: 'smtp://127.0.0.1:1',
        ...overrides,
      });
    },
    async drop() {
      await admin.pool.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.close();
      await embedded?.stop();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
