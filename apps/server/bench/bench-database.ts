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
     * The two URLs production runs with (ADR 007): migrated as the owner, the app as
     * orbit_server. Benches configure NODE_ENV=production with these.
     */
    async productionEnv() {
      const ownerUrl = withDatabaseName(serverUrl, name);
      await runMigrations(ownerUrl);
      const appUrl = await prepareAppRole({ ownerUrl, appUrl: ownerUrl, production: false });
      return { DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl };
    },
    async drop() {
      await admin.pool.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.close();
      await embedded?.stop();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
