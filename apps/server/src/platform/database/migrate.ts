import { join } from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { SERVER_ROOT } from '../paths.js';

export const MIGRATIONS_FOLDER = join(SERVER_ROOT, 'migrations');

/** Arbitrary constant: serialises migrations when several instances boot at once. */
const MIGRATION_LOCK_ID = 3_601_360;

/**
 * Runs on a connection of its own, not the app pool: a migration may take longer than the
 * statement timeout that bounds a request (ADR 051).
 */
export async function runMigrations(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    // Any table with a tenant_id column and a policy gets RLS enabled + forced and grants for
    // the app role, even if a migration forgot to; an integration test asserts the result.
    await client.query('select orbit_secure_tenant_tables()');
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end();
  }
}
