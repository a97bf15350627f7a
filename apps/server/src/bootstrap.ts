/**
 * Start-up sequence shared by `npm start` and tests: database (embedded or configured),
 * migrations, catalog seed, first admin, services. Returns the context and a `close`.
 */
import { mkdir } from 'node:fs/promises';
import { createAppContext, type AppContext } from './context.js';
import type { Config } from './platform/config.js';
import {
  createDatabase,
  prepareAppRole,
  runMigrations,
  SERVER_ROLE,
  startEmbeddedPostgres,
  superviseEmbedded,
  withDatabaseName,
  type EmbeddedDatabase,
} from './platform/database/index.js';
import type { Logger } from './platform/logger.js';
import { resolveSecret } from './platform/secrets.js';
import { migrateQueue } from './platform/queue.js';
import { startWorker, type Worker } from './worker.js';
import { ensureBootstrapAdmin } from './modules/auth/index.js';
import { seedPlans } from './modules/plans/index.js';
import { seedThemes } from './modules/themes/index.js';

export const EMBEDDED_DATABASE = 'orbit360';

/**
 * The owner's URL, for migrations, and the configured app URL (starting the embedded
 * PostgreSQL when no DATABASE_URL is set: then both are its superuser's, ADR 007).
 */
export async function openDatabaseUrl(config: Config, logger: Logger) {
  if (config.database.url) {
    if (!config.database.migrationUrl) {
      logger.warn(
        'MIGRATION_DATABASE_URL is not set: migrations run as the role of DATABASE_URL (development only, ADR 007)',
      );
    }
    const ownerUrl = config.database.migrationUrl ?? config.database.url;
    return { url: config.database.url, ownerUrl, embedded: undefined };
  }
  await mkdir(config.dataDir, { recursive: true });
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    logger,
  });
  const admin = createDatabase({ url: embedded.url, poolSize: 1, logger });
  try {
    const { rowCount } = await admin.pool.query('select 1 from pg_database where datname = $1', [
      EMBEDDED_DATABASE,
    ]);
    if (!rowCount) await admin.pool.query(`create database ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.close();
  }
  const url = withDatabaseName(embedded.url, EMBEDDED_DATABASE);
  return { url, ownerUrl: url, embedded };
}

/**
 * Migrates as the owner, then prepares the application's role and returns its URL: the
 * embedded cluster's `orbit_server` password is generated per install (DATA_DIR, 0600).
 */
async function migrateAndPrepareRoles(
  config: Config,
  logger: Logger,
  urls: Awaited<ReturnType<typeof openDatabaseUrl>>,
) {
  await runMigrations(urls.ownerUrl);
  await migrateQueue({ url: urls.ownerUrl, logger });
  return prepareAppRole({
    ownerUrl: urls.ownerUrl,
    appUrl: urls.url,
    production: config.env === 'production',
    serverPassword: urls.embedded
      ? await resolveSecret({ dataDir: config.dataDir, name: SERVER_ROLE })
      : undefined,
  });
}

export interface Platform {
  ctx: AppContext;
  /** Where the data lives, for the start-up banner. */
  database: string;
  /** Password generated for the first admin on this start, to be shown once. */
  generatedAdminPassword: string | null;
  /** Starts the job worker (roles all/worker); call once the HTTP listener is up. */
  startWorker(): Promise<void>;
  /** Lets running jobs finish (their website self-checks still need the listener). */
  stopWorker(): Promise<void>;
  /**
   * Called once when the platform cannot go on (its embedded database died and could not be
   * restarted); the process should shut down and exit non-zero.
   */
  onFatal(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export async function bootstrap(config: Config, logger: Logger): Promise<Platform> {
  const urls = await openDatabaseUrl(config, logger);
  const { embedded } = urls;
  const fatalListeners: ((error: Error) => void)[] = [];
  if (embedded) {
    superviseEmbedded(embedded, logger, (error) => {
      for (const listener of fatalListeners.splice(0)) listener(error);
    });
  }
  let url: string;
  try {
    url = await migrateAndPrepareRoles(config, logger, urls);
  } catch (error) {
    await embedded?.stop().catch(() => {});
    throw error;
  }
  const database = createDatabase({
    url,
    poolSize: config.database.poolSize,
    logger,
    timeouts: config.database.timeouts,
  });
  let worker: Worker | undefined;
  let closing: Promise<void> | undefined;
  try {
    await seedThemes(database.db);
    await seedPlans(database.db);
    const { generatedPassword, weakPassword } = await ensureBootstrapAdmin({
      db: database.db,
      email: config.bootstrapAdmin.email,
      password: config.bootstrapAdmin.password,
      refuseWeakPassword: config.env === 'production',
    });
    if (weakPassword) {
      logger.warn(
        { email: config.bootstrapAdmin.email },
        `first admin created with a weak ADMIN_PASSWORD (password ${weakPassword}); production refuses it — change it with npm run admin -- reset-password`,
      );
    }
    const jwtSecret = await resolveSecret({
      configured: config.auth.jwtSecret,
      dataDir: config.dataDir,
      name: 'jwt',
    });
    const ctx = createAppContext({ config, database, logger, jwtSecret });
    // The first store page and the first provisioning after a start render with compiled
    // themes, not with a compile on their clock.
    await ctx.storefront.themes.warm(database.db);
    await ctx.realtime.start();
    return {
      ctx,
      database: embedded ? `embedded PostgreSQL in ${embedded.clusterDir}` : 'DATABASE_URL',
      generatedAdminPassword: generatedPassword,
      async startWorker() {
        if (config.role !== 'api' && !worker) worker = await startWorker(ctx, { databaseUrl: url });
      },
      onFatal: (listener) => void fatalListeners.push(listener),
      async stopWorker() {
        await worker?.stop();
        worker = undefined;
      },
      close: () =>
        (closing ??= (async () => {
          await worker?.stop();
          await ctx.realtime.stop();
          await ctx.renderer.close();
          await database.close();
          await embedded?.stop();
        })()),
    };
  } catch (error) {
    await database.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    throw error;
  }
}
