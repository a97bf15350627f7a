/**
 * Least privilege in PostgreSQL (ADR 007, issue 13 item 3): the application's pool connects as
 * `orbit_server` — no superuser, no BYPASSRLS, owns nothing, can become only the tenant role —
 * so no statement it sends leaves row-level security behind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/platform/config.js';
import { assertLeastPrivilege, SERVER_ROLE } from '../../src/platform/database/index.js';
import { pgErrorCode } from '../../src/platform/errors.js';
import { createTestStore } from '../support/create-test-store.js';
import { asOwner, setupTestApp } from '../helpers.js';

describe('the application database role', () => {
  const t = setupTestApp();
  const tenants: string[] = [];
  const query = (text: string) => t.database.pool.query(text);
  const refused = (text: string) => query(text).then(() => 'allowed', pgErrorCode);

  beforeAll(async () => {
    for (const theme of ['modern', 'classic']) {
      tenants.push((await createTestStore(t.ctx, { theme })).tenantId);
    }
  });

  it('is orbit_server: no superuser, no BYPASSRLS, owns no table', async () => {
    const { rows } = await query(
      `select current_user as name, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
         (select count(*)::int from pg_class where relowner = r.oid) as owned
       from pg_roles r where rolname = current_user`,
    );
    expect(rows).toEqual([
      {
        name: SERVER_ROLE,
        rolsuper: false,
        rolbypassrls: false,
        rolcreaterole: false,
        rolcreatedb: false,
        owned: 0,
      },
    ]);
  });

  it('RESET ROLE inside a statement leaves it under RLS: no tenant rows without a scope', async () => {
    const owned = await asOwner(t.database, (owner) =>
      owner.query<{ count: number }>(
        'select count(distinct tenant_id)::int as count from products where tenant_id = any($1)',
        [tenants],
      ),
    );
    expect(owned.rows[0]!.count).toBe(2);
    const results = (await query('reset role; select tenant_id from products')) as unknown as {
      rows: unknown[];
    }[];
    expect(results[1]!.rows).toEqual([]);
  });

  it('leaving a tenant scope by RESET ROLE still sees no other tenant', async () => {
    const [mine, other] = tenants as [string, string];
    const client = await t.database.pool.connect();
    try {
      await client.query('begin');
      await client.query(
        `select set_config('role', 'orbit_app', true), set_config('app.tenant_id', $1, true)`,
        [mine],
      );
      await client.query('reset role');
      const { rows } = await client.query<{ tenant_id: string }>(
        'select distinct tenant_id from products',
      );
      expect(rows.map((row) => row.tenant_id)).toEqual([mine]);
      expect(rows.map((row) => row.tenant_id)).not.toContain(other);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  it('cannot become the owner or a superuser, change RLS, or create tables', async () => {
    expect(await refused('set role postgres')).toBe('42501');
    expect(await refused('set session authorization postgres')).toBe('42501');
    expect(await refused('alter table products no force row level security')).toBe('42501');
    expect(await refused('alter table products disable row level security')).toBe('42501');
    expect(await refused('create table escape (id int)')).toBe('42501');
    expect(await refused('create role escape superuser')).toBe('42501');
    // The tenant role stays reachable: withTenant's SET LOCAL ROLE works.
    expect(await refused('begin; set local role orbit_app; rollback')).toBe('allowed');
  });

  it('start-up refuses an owner-level connection with one line naming cause and fix', async () => {
    const error = await asOwner(t.database, (owner) =>
      assertLeastPrivilege(owner).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(error).toBeInstanceOf(ConfigError);
    const [problem] = (error as ConfigError).problems;
    expect(problem).toMatch(/^DATABASE_URL connects as \S+, a superuser: .*MIGRATION_DATABASE_URL/);
    expect(problem).not.toContain('\n');
    const client = await t.database.pool.connect();
    try {
      await expect(assertLeastPrivilege(client)).resolves.toBeUndefined();
    } finally {
      client.release();
    }
  });
});
