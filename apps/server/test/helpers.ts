/**
 * Test helpers: a private, migrated database per test file, and the real app built on it.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { createAppContext, type AppContext } from '../src/context.js';
import { loadConfig } from '../src/platform/config.js';
import { createDatabase, withDatabaseName, type Database } from '../src/platform/database/index.js';
import { pino } from 'pino';
import { createLogger, loggerOptions } from '../src/platform/logger.js';
import { eq } from 'drizzle-orm';
import { admins, createAdmin, ensureBootstrapAdmin } from '../src/modules/auth/index.js';
import { seedPlans } from '../src/modules/plans/index.js';
import { seedThemes } from '../src/modules/themes/index.js';
import type { AdminRole } from '@orbit360/contracts';

export const TEST_ADMIN = { email: 'admin@orbit360.test', password: 'correct-horse-battery-1' };

/** A test database: the app's pool (as `orbit_server`), its name and the owner's URL. */
export type TestDatabase = Database & {
  name: string;
  /** The owner's URL of this database (child servers migrate with it, ADR 007). */
  ownerUrl: string;
};

/**
 * Runs `work` on an owner (superuser) connection to the test database — the one way a test
 * gets rights the application does not have (DDL, terminating backends, …).
 */
export async function asOwner<T>(
  database: Pick<TestDatabase, 'ownerUrl'>,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a database cloned from the migrated template; dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase & { drop(): Promise<void> }> {
  const postgresUrl = inject('postgresUrl');
  const name = `orbit_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const logger = createLogger('silent');
  const admin = createDatabase({ url: postgresUrl, poolSize: 1, logger });
  await admin.pool.query(`create database ${name} template ${inject('templateDatabase')}`);
  const database = createDatabase({
    url: withDatabaseName(inject('appUrl'), name),
    poolSize: 5,
    logger,
  });
  return {
    ...database,
    name,
    ownerUrl: withDatabaseName(postgresUrl, name),
    async drop() {
      await database.close();
      await admin.pool.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/** A fresh, migrated database for the current test file (filled in before its tests run). */
export function setupTestDatabase(): TestDatabase {
  const state = {} as TestDatabase;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const { drop: dropDatabase, ...database } = await createTestDatabase();
    drop = dropDatabase;
    Object.assign(state, database);
  });
  afterAll(() => drop?.());
  return state;
}

export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-test-secret-test-secret-1234',
    PROVISIONING_RETRY_BASE_MS: '5',
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  /** Bearer token of a test admin with the given role (created on first use). */
  adminToken(role?: AdminRole): Promise<string>;
}

/** Boots the real application on a fresh database for the current test file. */
export function setupTestApp(
  overrides: Record<string, string> = {},
  options: { logStream?: NodeJS.WritableStream } = {},
): TestApp {
  const state = {} as TestApp;
  let drop: () => Promise<void>;
  const tokens = new Map<AdminRole, string>();

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const config = testConfig(overrides);
    await seedThemes(database.db);
    await seedPlans(database.db);
    await ensureBootstrapAdmin({ db: database.db, ...TEST_ADMIN });
    const logger = options.logStream
      ? pino(loggerOptions('info'), options.logStream)
      : createLogger('silent');
    const ctx = createAppContext({ config, database, logger, jwtSecret: config.auth.jwtSecret! });
    await ctx.realtime.start();
    Object.assign(state, { ctx, database, app: await buildApp(ctx) });
    state.adminToken = async (role = 'super_admin') => {
      if (!tokens.has(role)) {
        const email = role === 'super_admin' ? TEST_ADMIN.email : `${role}@orbit360.test`;
        const [existing] = await database.db.select().from(admins).where(eq(admins.email, email));
        const admin =
          existing ??
          (await createAdmin({
            db: database.db,
            email,
            name: role,
            role,
            password: TEST_ADMIN.password,
          }));
        tokens.set(
          role,
          await ctx.sessions.startAdmin({ id: admin.id, email: admin.email, role: admin.role }),
        );
      }
      return tokens.get(role)!;
    };
  });

  afterAll(async () => {
    await state.app?.close();
    await state.ctx?.realtime.stop();
    await state.ctx?.renderer.close();
    await drop?.();
  });

  return state;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A merchant session's token for an account (tests may invent the ids: no foreign keys). */
export async function merchantToken(
  ctx: Pick<AppContext, 'sessions'>,
  account: { merchantId: string; tenantId: string; id?: string; role?: string },
) {
  const { token } = await ctx.sessions.startMerchant({
    role: 'owner',
    ...account,
    id: account.id ?? randomUUID(),
  });
  return token;
}

/** A child server's database settings: the app role's URL and the owner's, as in production. */
export const databaseEnv = (database: Pick<TestDatabase, 'url' | 'ownerUrl'>) => ({
  DATABASE_URL: database.url,
  MIGRATION_DATABASE_URL: database.ownerUrl,
});
