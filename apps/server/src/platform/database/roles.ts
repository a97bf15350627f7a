/**
 * The two database roles (ADR 007). Migrations run as the owner (MIGRATION_DATABASE_URL, or
 * the superuser of the embedded cluster); the application connects as a login role that is no
 * superuser, has no BYPASSRLS, creates no roles or databases, owns nothing and may become only
 * the tenant role — so no statement it sends can leave row-level security behind.
 *
 * After every migration run `prepareAppRole` (re)applies the app role's rights on the app
 * schemas, and — when the configured app URL is an owner's (the embedded cluster, development
 * with one URL, the tests) — creates or updates the `orbit_server` login role and hands back a
 * URL for it. Then it checks the role the app will use and refuses it with one line when it
 * could escape RLS.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ConfigError } from '../config.js';
import { deriveKey } from '../secrets.js';
import { APP_ROLE } from './tenant.js';

/** The login role the application connects as when the platform manages it. */
export const SERVER_ROLE = 'orbit_server';

/** Schemas the application reads and writes: its own tables and graphile-worker's. */
const APP_SCHEMAS = ['public', 'graphile_worker'];

/** Serialises the grants when several instances boot on one database. */
const ROLES_LOCK_ID = 3_601_364;

/** A role's powers that matter for isolation, as the app's connection sees them. */
interface RoleFacts {
  name: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Tables (of the app schemas) it owns. */
  owned: string[];
  /** Roles with one of the powers above that it can SET ROLE to. */
  escalations: string[];
}

const FACTS_SQL = `
  with powerful as (
    select r.oid, r.rolname from pg_roles r
    where r.rolsuper or r.rolbypassrls or exists (
      select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relowner = r.oid and n.nspname = any($1::text[]) and c.relkind in ('r', 'p')))
  select r.rolname::text as name, r.rolsuper as superuser, r.rolbypassrls as "bypassRls",
    array(select n.nspname || '.' || c.relname from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where c.relowner = r.oid and n.nspname = any($1::text[]) and c.relkind in ('r', 'p')
          order by 1) as owned,
    array(select p.rolname::text from powerful p
          where p.oid <> r.oid and pg_has_role(r.oid, p.oid, 'member') order by 1) as escalations
  from pg_roles r where r.rolname = coalesce($2, current_user)`;

async function roleFacts(client: pg.ClientBase, role?: string): Promise<RoleFacts | undefined> {
  const { rows } = await client.query<RoleFacts>(FACTS_SQL, [APP_SCHEMAS, role ?? null]);
  return rows[0];
}

const isOwnerLevel = (facts: RoleFacts) =>
  facts.superuser || facts.bypassRls || facts.owned.length > 0;

/** Why a role must not be the application's, or undefined when it may. */
function refusal(facts: RoleFacts): string | undefined {
  const fix =
    'point DATABASE_URL at a role with NOSUPERUSER NOBYPASSRLS that owns no tables (the owner goes in MIGRATION_DATABASE_URL; ADR 007)';
  if (facts.superuser) return `DATABASE_URL connects as ${facts.name}, a superuser: ${fix}`;
  if (facts.bypassRls) return `DATABASE_URL connects as ${facts.name}, which has BYPASSRLS: ${fix}`;
  if (facts.owned.length) {
    const tables = facts.owned.slice(0, 3).join(', ') + (facts.owned.length > 3 ? ', …' : '');
    return `DATABASE_URL connects as ${facts.name}, which owns ${tables}: ${fix}`;
  }
  if (facts.escalations.length) {
    return `DATABASE_URL connects as ${facts.name}, which can SET ROLE to ${facts.escalations.join(', ')}: revoke that membership (ADR 007)`;
  }
  return undefined;
}

/** Refuses (one line, `ConfigError`) a connection whose role could leave RLS behind. */
export async function assertLeastPrivilege(client: pg.ClientBase) {
  const facts = await roleFacts(client);
  const problem = facts && refusal(facts);
  if (problem) throw new ConfigError([problem]);
}

/** The URL with other credentials (host, port, database and options kept). */
export function withCredentials(url: string, user: string, password: string) {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * The `orbit_server` password when the owner is an external server (development, tests):
 * derived from the owner's URL (credentials and address, not the database), so every process
 * given that URL agrees on it and none replaces another's. The embedded cluster keeps a
 * generated one in `DATA_DIR/orbit_server.secret` instead.
 */
export function derivedServerPassword(ownerUrl: string) {
  const parsed = new URL(ownerUrl);
  parsed.pathname = '/';
  parsed.search = '';
  return deriveKey(parsed.toString(), `database-role:${SERVER_ROLE}`);
}

/** Role catalogue races between processes on one cluster (roles are cluster-wide). */
const RETRYABLE = new Set(['XX000', '23505', '42710', '40001', '40P01']);

async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 8 || !code || !RETRYABLE.has(code)) throw error;
      await sleep(20 + Math.random() * 80 * attempt);
    }
  }
}

async function canLogIn(url: string) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `orbit_server` or brings its attributes and password up to date. */
async function ensureServerRole(owner: pg.ClientBase, appUrl: string, password: string) {
  const attributes = 'login nosuperuser nobypassrls nocreaterole nocreatedb noreplication';
  await retrying(async () => {
    const { rows } = await owner.query<{ ok: boolean }>(
      `select rolcanlogin and not (rolsuper or rolbypassrls or rolcreaterole or rolcreatedb or rolreplication) as ok
       from pg_roles where rolname = $1`,
      [SERVER_ROLE],
    );
    if (!rows[0]) {
      await owner.query(
        `create role ${SERVER_ROLE} ${attributes} password ${pg.escapeLiteral(password)}`,
      );
    } else if (!rows[0].ok || !(await canLogIn(appUrl))) {
      await owner.query(
        `alter role ${SERVER_ROLE} ${attributes} password ${pg.escapeLiteral(password)}`,
      );
    }
  });
}

/**
 * The app role's rights on this database: membership of the tenant role, USAGE on the app schemas, DML on their tables,
 * sequences and functions. graphile-worker enables RLS (without policies) on its private
 * tables, which hides every job from a role that does not own them: each gets a policy
 * letting the app role see all its rows. Idempotent; run by the owner after the migrations.
 */
async function grantAppRights(owner: pg.ClientBase, role: string) {
  const name = pg.escapeIdentifier(role);
  await retrying(async () => {
    const { rowCount } = await owner.query(
      `select 1 from pg_auth_members m
       where m.roleid = (select oid from pg_roles where rolname = $1)
         and m.member = (select oid from pg_roles where rolname = $2)`,
      [APP_ROLE, role],
    );
    if (!rowCount) await owner.query(`grant ${APP_ROLE} to ${name}`);
  });
  const { rows } = await owner.query<{ nspname: string }>(
    'select nspname from pg_namespace where nspname = any($1::text[])',
    [APP_SCHEMAS],
  );
  for (const { nspname } of rows) {
    const schema = pg.escapeIdentifier(nspname);
    await owner.query(`grant usage on schema ${schema} to ${name}`);
    await owner.query(
      `grant select, insert, update, delete on all tables in schema ${schema} to ${name}`,
    );
    await owner.query(
      `grant usage, select, update on all sequences in schema ${schema} to ${name}`,
    );
    await owner.query(`grant execute on all functions in schema ${schema} to ${name}`);
  }
  const { rows: hidden } = await owner.query<{ nspname: string; relname: string }>(
    `select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'graphile_worker' and c.relkind = 'r' and c.relrowsecurity
       and not exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = $1)`,
    [`${role}_all`],
  );
  for (const table of hidden) {
    await owner.query(
      `create policy ${pg.escapeIdentifier(`${role}_all`)} on ${pg.escapeIdentifier(table.nspname)}.${pg.escapeIdentifier(table.relname)}
       to ${name} using (true) with check (true)`,
    );
  }
}

/**
 * Prepares the role the application connects as, after the migrations, and returns the URL
 * the app (pool, worker, listeners) uses. `appUrl` is the configured DATABASE_URL (the owner's
 * URL for the embedded cluster). When it connects as an owner-level role and this is not
 * production, the platform manages `orbit_server` (password `serverPassword`, else derived)
 * and returns its URL; in production such a URL is refused. Either way the role returned is
 * checked: no superuser, no BYPASSRLS, owns no app table, can become no role that has those.
 */
export async function prepareAppRole(options: {
  ownerUrl: string;
  appUrl: string;
  production: boolean;
  serverPassword?: string;
}): Promise<string> {
  const owner = new pg.Client({ connectionString: options.ownerUrl });
  await owner.connect();
  try {
    await owner.query('select pg_advisory_lock($1)', [ROLES_LOCK_ID]);
    const configured =
      options.appUrl === options.ownerUrl
        ? await roleFacts(owner)
        : await factsOf(options.appUrl, owner);
    if (!configured) throw new Error('the database does not know the role of DATABASE_URL');
    const managed = isOwnerLevel(configured) && !options.production;
    let appUrl = options.appUrl;
    if (managed) {
      const password = options.serverPassword ?? derivedServerPassword(options.ownerUrl);
      appUrl = withCredentials(appUrl, SERVER_ROLE, password);
      await ensureServerRole(owner, appUrl, password);
    }
    // An owner-level role in production gets no grants: the check below refuses it.
    if (managed || !isOwnerLevel(configured)) {
      await grantAppRights(owner, managed ? SERVER_ROLE : configured.name);
    }
    const app = new pg.Client({ connectionString: appUrl });
    await app.connect();
    try {
      await assertLeastPrivilege(app);
    } finally {
      await app.end().catch(() => {});
    }
    return appUrl;
  } finally {
    await owner.query('select pg_advisory_unlock($1)', [ROLES_LOCK_ID]).catch(() => {});
    await owner.end().catch(() => {});
  }
}

/** The facts of the role a URL connects as, read by the owner (the URL must accept us). */
async function factsOf(url: string, owner: pg.ClientBase) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('select current_user as name');
    return roleFacts(owner, rows[0]!.name);
  } finally {
    await client.end().catch(() => {});
  }
}
