/**
 * Vitest global setup: finds a PostgreSQL (TEST_DATABASE_URL, DATABASE_URL, or an embedded one
 * started here), builds a migrated template database once, and hands its name to the workers.
 * Each test file then clones the template into a database of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  createDatabase,
  prepareAppRole,
  runMigrations,
  startEmbeddedPostgres,
  withDatabaseName,
} from '../src/platform/database/index.js';
import { createLogger } from '../src/platform/logger.js';
import { migrateQueue } from '../src/platform/queue.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The owner's (superuser's) URL: creating and dropping databases, DDL, terminations. */
    postgresUrl: string;
    /** The application role's URL (`orbit_server`, ADR 007): what the app's pools use. */
    appUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const logger = createLogger('warn');
  const configured = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  // A throwaway cluster per run, so parallel runs never share (or stop) each other's server.
  const scratch = configured ? undefined : mkdtempSync(path.join(tmpdir(), 'orbit360-test-'));
  const embedded = scratch
    ? await startEmbeddedPostgres({ dataDir: scratch, logger, ephemeral: true })
    : undefined;
  const postgresUrl = configured ?? embedded!.url;
  const templateDatabase = `orbit_tpl_${process.pid}`;

  const admin = createDatabase({ url: postgresUrl, poolSize: 1, logger });
  await admin.pool.query(`drop database if exists ${templateDatabase} with (force)`);
  await admin.pool.query(`create database ${templateDatabase}`);
  const templateUrl = withDatabaseName(postgresUrl, templateDatabase);
  await runMigrations(templateUrl);
  // graphile-worker's schema too, so test databases cloned from the template have the queue.
  await migrateQueue({ url: templateUrl, logger });
  // The app role and its grants (cloned with the template); test pools connect as it.
  const appUrl = await prepareAppRole({
    ownerUrl: templateUrl,
    appUrl: templateUrl,
    production: false,
  });

  project.provide('postgresUrl', postgresUrl);
  project.provide('appUrl', appUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await admin.pool
      .query(`drop database if exists ${templateDatabase} with (force)`)
      .catch(() => {});
    await admin.close();
    await embedded?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
}
