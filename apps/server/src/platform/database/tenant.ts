/**
 * Tenant isolation in the database. Every tenant-owned table carries `tenant_id` (first in
 * its keys) and a row-level-security policy matching it against the transaction-local setting
 * `app.tenant_id`; RLS is enabled and forced. Tenant work runs only inside `withTenant`, which
 * switches to the non-owner application role and sets the tenant in one round trip. The
 * setting is a comma-separated list: a request's scope is its one tenant; only the platform's
 * provisioning batches scope a transaction to the several tenants it is creating.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { pgPolicy, uuid } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.js';

/** The role tenant transactions run as. Created by the first migration; never owns tables. */
export const APP_ROLE = 'orbit_app';

// The setting is read in a scalar subquery: PostgreSQL evaluates it once per statement (an
// InitPlan), not once per row — a batch inserting thousands of rows checks them all against
// one parsed list. (The outer cast makes ANY take an array expression, not a subquery.)
const TENANT_MATCH = sql`tenant_id = any((select string_to_array(current_setting('app.tenant_id', true), ',')::uuid[])::uuid[])`;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID_RE.test(value);

/** The `tenant_id` column every tenant-owned table starts with. */
export const tenantIdColumn = () => uuid('tenant_id').notNull();

/** The isolation policy of a tenant-owned table (drizzle enables RLS when a policy exists). */
export const tenantPolicy = (table: string) =>
  pgPolicy(`${table}_tenant_isolation`, {
    as: 'permissive',
    for: 'all',
    using: TENANT_MATCH,
    withCheck: TENANT_MATCH,
  });

/** Switches an open transaction to the tenant role with its tenant(s) set (transaction-local). */
async function enterTenantScope(tx: Tx, tenantIds: string | readonly string[]) {
  const ids = typeof tenantIds === 'string' ? [tenantIds] : tenantIds;
  if (!ids.length || !ids.every(isUuid)) {
    throw new Error('a tenant scope requires tenant ids (uuid)');
  }
  await tx.execute(
    sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${ids.join(',')}, true)`,
  );
}

/**
 * Leaves the tenant scope for the rest of the transaction, for a change that must also write
 * platform tables (tenants, audit log, events) atomically. Tenant writes come first.
 */
export async function leaveTenantScope(tx: Tx) {
  await tx.execute(
    sql`select set_config('role', 'none', true), set_config('app.tenant_id', '', true)`,
  );
}

/** Runs tenant work in its own transaction, under RLS as the tenant (or tenants). */
export async function withTenant<T>(
  db: Db,
  tenantIds: string | readonly string[],
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await enterTenantScope(tx, tenantIds);
    return work(tx);
  });
}

/**
 * Runs tenant work inside a transaction that also writes platform tables (a provisioning
 * step, for instance): enters the scope of the given tenant(s), runs `work`, then leaves it.
 */
export async function inTenantScope<T>(
  tx: Tx,
  tenantIds: string | readonly string[],
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  await enterTenantScope(tx, tenantIds);
  const result = await work(tx);
  await leaveTenantScope(tx);
  return result;
}

const dialect = new PgDialect();

/**
 * One read as a tenant in one round trip — the storefront's hot path. The tenant scope and
 * the statement travel as one simple-protocol message, which PostgreSQL runs as one implicit
 * transaction: the transaction-local scope ends with it (also on error), exactly as in
 * `withTenant`, without the BEGIN / scope / COMMIT round trips. The simple protocol has no
 * bind parameters, so drizzle inlines them as literals (strings quoted with '' doubling; the
 * pool pins standard_conforming_strings on); only use it with parameters that are strings,
 * numbers, booleans or null.
 */
export async function readAsTenant<T>(db: Db, tenantId: string, query: SQL): Promise<T[]> {
  if (!isUuid(tenantId)) throw new Error('a tenant scope requires a tenant id (uuid)');
  const results = await simpleQuery(
    db,
    `select set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', '${tenantId}', true)`,
    query,
  );
  return results[1]!.rows as T[];
}

/**
 * `readAsTenant` for a tenant the platform looks up first (a storefront request knows only
 * its host's slug), still in one round trip: `find` (a platform read returning at most one
 * row with a `tenant_id` column) runs as the platform and sets the scope to the tenant it
 * found; then the role switches to the tenant role — whatever was found — and the `queries`
 * run under RLS. Found nothing: the scope stays empty and the queries see no tenant rows.
 * Returns the found row and each query's rows.
 */
export async function readAsFoundTenant<F>(
  db: Db,
  find: SQL,
  queries: SQL[],
): Promise<{ found: F | undefined; results: Record<string, unknown>[][] }> {
  const { sql: findText } = dialect.sqlToQuery(find.inlineParams());
  const results = await simpleQuery(
    db,
    `select f.*, set_config('app.tenant_id', f.tenant_id::text, true) as scope from (${findText}) f;
     select set_config('role', '${APP_ROLE}', true)`,
    ...queries,
  );
  const [found] = results[0]!.rows as (F & { scope?: string })[];
  if (found) delete found.scope;
  return { found, results: results.slice(2).map((result) => result.rows) };
}

/** Sends `head` and the queries (parameters inlined) as one simple-protocol message. */
async function simpleQuery(db: Db, head: string, ...queries: SQL[]): Promise<pg.QueryResult[]> {
  const texts = queries.map((query) => dialect.sqlToQuery(query.inlineParams()).sql);
  return (await db.execute(sql.raw([head, ...texts].join(';\n')))) as unknown as pg.QueryResult[];
}
