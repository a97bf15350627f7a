import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  readAsFoundTenant,
  readAsTenant,
  withTenant,
  type Db,
} from '../../src/platform/database/index.js';
import { seedPlans } from '../../src/modules/plans/index.js';
import { seedThemes } from '../../src/modules/themes/index.js';
import { setupTestDatabase } from '../helpers.js';

/**
 * Proves the database enforces isolation: inside one tenant's transaction, hand-written SQL
 * cannot see or touch another tenant's rows, and without a tenant context nothing is visible.
 */
describe('row-level tenant isolation', () => {
  const database = setupTestDatabase();
  let db: Db;
  const tenantA = '11111111-1111-4111-8111-111111111111';
  const tenantB = '22222222-2222-4222-8222-222222222222';

  beforeAll(async () => {
    db = database.db;
    await seedThemes(db);
    await seedPlans(db);
    const { rows } = await database.pool.query(
      `select (select id from themes limit 1) as theme, (select id from plans limit 1) as plan`,
    );
    for (const [id, n] of [
      [tenantA, 'a'],
      [tenantB, 'b'],
    ] as const) {
      await database.pool.query(
        `with m as (insert into merchants (store_name, owner_name, email) values ($2, 'o', $3) returning id)
         insert into tenants (id, merchant_id, namespace, slug, plan_id, theme_id)
         select $1, m.id, 'tenant_merchant_' || $4, $4, $5, $6 from m`,
        [id, `Store ${n}`, `${n}@iso.test`, `store-${n}`, rows[0].plan, rows[0].theme],
      );
      await withTenant(db, id, (tx) =>
        tx.execute(
          sql`insert into store_profiles (tenant_id, name) values (${id}, ${`Store ${n}`})`,
        ),
      );
    }
  });

  const names = (rows: unknown[]) => (rows as { name: string }[]).map((r) => r.name);

  it('SELECT sees only the current tenant', async () => {
    const rows = await withTenant(
      db,
      tenantA,
      async (tx) => (await tx.execute(sql`select name from store_profiles`)).rows,
    );
    expect(names(rows)).toEqual(['Store a']);
    const explicit = await withTenant(
      db,
      tenantA,
      async (tx) =>
        (await tx.execute(sql`select name from store_profiles where tenant_id = ${tenantB}`)).rows,
    );
    expect(explicit).toEqual([]);
  });

  it('one-round-trip reads see only their tenant, and nothing when no tenant was found', async () => {
    expect(names(await readAsTenant(db, tenantA, sql`select name from store_profiles`))).toEqual([
      'Store a',
    ]);
    const bySlug = (slug: string) =>
      readAsFoundTenant<{ tenant_id: string }>(
        db,
        sql`select id as tenant_id from tenants where slug = ${slug}`,
        [sql`select name from store_profiles`, sql`select count(*)::int as n from store_profiles`],
      );
    const found = await bySlug('store-b');
    expect(found.found).toEqual({ tenant_id: tenantB });
    expect(names(found.results[0]!)).toEqual(['Store b']);
    expect(found.results[1]).toEqual([{ n: 1 }]);
    // Nothing found: the statement still runs as the tenant role, with an empty scope.
    const missing = await bySlug("nobody' or 'x'='x");
    expect(missing).toEqual({ found: undefined, results: [[], [{ n: 0 }]] });
    // The scope ended with the message: the next query on the pool is the platform again.
    const { rows } = await database.pool.query('select current_user as role');
    expect(rows[0].role).not.toBe('orbit_app');
  });

  it('a scoped read is planned once per connection and still sees only its tenant', async () => {
    // Prepared statements switch to a generic plan after five runs: alternate the tenants
    // well past that, on the same statement text.
    const read = (tenantId: string) =>
      readAsTenant<{ name: string }>(
        db,
        tenantId,
        sql`select name from store_profiles where ${true}`,
      );
    for (let i = 0; i < 12; i++) {
      const [tenant, name] = i % 2 ? [tenantB, 'Store b'] : [tenantA, 'Store a'];
      expect(names(await read(tenant))).toEqual([name]);
    }
    // A message that fails after preparing a statement closes its connection; the next read
    // prepares again and works.
    const failing = sql`select name, 1 / ${0}::int as x from store_profiles`;
    await expect(readAsTenant(db, tenantA, failing)).rejects.toThrow(/division by zero/);
    expect(names(await read(tenantA))).toEqual(['Store a']);
  });

  it('UPDATE and DELETE cannot touch another tenant', async () => {
    const updated = await withTenant(
      db,
      tenantA,
      async (tx) =>
        (
          await tx.execute(
            sql`update store_profiles set name = 'hacked' where tenant_id = ${tenantB}`,
          )
        ).rowCount,
    );
    const deleted = await withTenant(
      db,
      tenantA,
      async (tx) =>
        (await tx.execute(sql`delete from store_profiles where tenant_id = ${tenantB}`)).rowCount,
    );
    expect([updated, deleted]).toEqual([0, 0]);
    const rows = await withTenant(
      db,
      tenantB,
      async (tx) => (await tx.execute(sql`select name from store_profiles`)).rows,
    );
    expect(names(rows)).toEqual(['Store b']);
  });

  it('INSERT for another tenant is rejected by the policy', async () => {
    await expect(
      withTenant(db, tenantA, (tx) =>
        tx.execute(
          sql`insert into store_profiles (tenant_id, name) values (${tenantB}, 'intruder')`,
        ),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(db, tenantA, (tx) =>
        tx.execute(sql`update store_profiles set tenant_id = ${tenantB}`),
      ),
    ).rejects.toThrow();
  });

  it('without a tenant context the app role sees nothing', async () => {
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`set local role orbit_app`);
      return (await tx.execute(sql`select name from store_profiles`)).rows;
    });
    expect(rows).toEqual([]);
  });

  it('the app role cannot read platform tables such as admins', async () => {
    const attempt = withTenant(db, tenantA, (tx) =>
      tx.execute(sql`select password_hash from admins`),
    );
    await expect(attempt).rejects.toSatisfy((error: Error) =>
      /permission denied/.test(
        String((error as Error & { cause?: Error }).cause?.message ?? error.message),
      ),
    );
  });

  it('every table with a tenant_id and a policy has RLS enabled and forced', async () => {
    const { rows } = await database.pool.query(`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity,
             exists (select 1 from pg_policy p where p.polrelid = c.oid) as has_policy
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where c.relkind = 'r' and c.relname not in ('merchants', 'audit_log', 'events',
        -- platform-level records that point at a tenant (docs/decisions/023)
        'provisionings', 'merchant_accounts', 'emails', 'sessions')`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row, row.relname).toMatchObject({
        relrowsecurity: true,
        relforcerowsecurity: true,
        has_policy: true,
      });
    }
  });

  it('withTenant refuses a malformed tenant id', async () => {
    await expect(withTenant(db, "x' or true --", async () => 1)).rejects.toThrow(/tenant id/);
  });
});
