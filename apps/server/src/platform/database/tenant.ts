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
import { createHash } from 'node:crypto';
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
 * `withTenant`, without the BEGIN / scope / COMMIT round trips. The statement itself is a
 * prepared statement of the connection (see `sendScoped`), planned once, not on every read.
 */
export async function readAsTenant<T>(db: Db, tenantId: string, query: SQL): Promise<T[]> {
  if (!isUuid(tenantId)) throw new Error('a tenant scope requires a tenant id (uuid)');
  const results = await sendScoped(db, [
    `select set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', '${tenantId}', true)`,
    query,
  ]);
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
  const scope = sql`select f.*, set_config('app.tenant_id', f.tenant_id::text, true) as scope
    from (${find}) f`;
  const results = await sendScoped(db, [
    scope,
    `select set_config('role', '${APP_ROLE}', true)`,
    ...queries,
  ]);
  const [found] = results[0]!.rows as (F & { scope?: string })[];
  if (found) delete found.scope;
  return { found, results: results.slice(2).map((result) => result.rows) };
}

/** Statements prepared on each connection, by name. */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();
/** Bound on one connection's prepared statements (they are few and fixed: a guard). */
const MAX_PREPARED = 256;

/** Names of prepared statements by their text (texts are few: they come from code). */
const names = new Map<string, string>();
function statementName(text: string) {
  let name = names.get(text);
  if (name === undefined) {
    name = `orbit_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= MAX_PREPARED) names.clear();
    names.set(text, name);
  }
  return name;
}

/** A parameter as an SQL literal (the pool pins standard_conforming_strings on). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`unsupported parameter in a scoped read: ${typeof value}`);
}

/**
 * Sends the statements as one simple-protocol message (one implicit transaction) and returns
 * their results. A string is sent as it is; a query runs as a prepared statement of the
 * connection — `PREPARE` travels once per connection and statement, then only
 * `EXECUTE name(literals)` — so PostgreSQL plans it once instead of on every read. A failed
 * message closes the connection: no prepared state of an aborted transaction is trusted.
 */
async function sendScoped(db: Db, statements: (SQL | string)[]): Promise<pg.QueryResult[]> {
  const client = await db.$client.connect();
  let known = preparedOn.get(client);
  if (!known) preparedOn.set(client, (known = new Set()));
  // Generic plans: a custom plan per read re-plans these wide statements every time (as much
  // time as executing them); their parameters are keys, and one plan serves every value.
  const parts: string[] = ['set local plan_cache_mode = force_generic_plan'];
  const added: string[] = [];
  for (const statement of statements) {
    if (typeof statement === 'string') {
      parts.push(statement);
      continue;
    }
    const { sql: text, params } = dialect.sqlToQuery(statement);
    const name = statementName(text);
    if (!known.has(name) && !added.includes(name)) {
      parts.push(`prepare ${name} as ${text}`);
      added.push(name);
    }
    parts.push(
      params.length ? `execute ${name}(${params.map(literal).join(', ')})` : `execute ${name}`,
    );
  }
  let results: pg.QueryResult | pg.QueryResult[];
  try {
    results = await client.query(parts.join(';\n'));
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  for (const name of added) known.add(name);
  // A connection holding too many statements is closed instead of reused.
  client.release(known.size > MAX_PREPARED);
  return (Array.isArray(results) ? results : [results]).filter(
    (result) => result.command !== 'PREPARE' && result.command !== 'SET',
  );
}
