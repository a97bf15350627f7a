/**
 * Migrations 0018–0019 on a store created before them: the old sample catalog (one price per
 * product, `in_stock`, one category) must become the model a store seeded today has.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  MIGRATIONS_FOLDER,
  createDatabase,
  runMigrations,
  withDatabaseName,
  withTenant,
} from '../../platform/database/index.js';
import { createLogger } from '../../platform/logger.js';
import { storeContentQuery } from '../storefront/index.js';
import { SAMPLE_COLLECTIONS, SAMPLE_PRODUCTS } from './sample-catalog.js';
import { seedSampleCatalog } from './seed-sample-catalog.js';

const LAST_BEFORE_CATALOG = 17;

/** The migrations folder as it was before the catalog (journal cut at 0017). */
function migrationsBeforeCatalog() {
  const folder = mkdtempSync(join(tmpdir(), 'orbit-migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= LAST_BEFORE_CATALOG);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/** Old-style plain-text descriptions, as the old seed wrote them. */
const plainText = (html: string) => html.replace(/^<p>|<\/p>$/g, '').replaceAll('</p><p>', '\n\n');

describe('catalog migration of an existing store', () => {
  const name = `orbit_mig_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const ownerUrl = withDatabaseName(inject('postgresUrl'), name);
  const oldTenant = randomUUID();
  const newTenant = randomUUID();
  let client: pg.Client;
  let folder: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    folder = migrationsBeforeCatalog();
    client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    await migrate(drizzle(client), { migrationsFolder: folder });
    await client.query('select orbit_secure_tenant_tables()');
  });

  afterAll(async () => {
    await client?.end();
    rmSync(folder, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('turns prices into default variants, categories into collections, text into HTML', async () => {
    // A store as the old seed left it (plus one product of the merchant's, without category).
    const q = (text: string, values: unknown[] = []) => client.query(text, values);
    const {
      rows: [plan],
    } = await q(
      `insert into plans (key, name, price_cents, limits) values ('p', 'P', 0, '{"products":null}') returning id`,
    );
    const {
      rows: [theme],
    } = await q(
      `insert into themes (key, name, preview, config_schema, templates) values ('t', 'T', '{}', '{}', '{}') returning id`,
    );
    for (const id of [oldTenant, newTenant]) {
      const {
        rows: [merchant],
      } = await q(
        `insert into merchants (store_name, owner_name, email) values ('Old', 'O', $1) returning id`,
        [`${id}@x.test`],
      );
      await q(
        `insert into tenants (id, merchant_id, namespace, plan_id, theme_id, slug) values ($1, $2, $3, $4, $5, $3)`,
        [id, merchant.id, `t-${id.slice(0, 8)}`, plan.id, theme.id],
      );
    }
    for (const [i, c] of SAMPLE_COLLECTIONS.entries()) {
      await q(
        `insert into categories (tenant_id, handle, title, description, sort_order) values ($1, $2, $3, $4, $5)`,
        [oldTenant, c.handle, c.title, c.description, i],
      );
    }
    for (const [i, p] of SAMPLE_PRODUCTS.entries()) {
      await q(
        `insert into products (tenant_id, handle, title, description, price_cents, compare_at_price_cents,
           images, category_id, is_featured, in_stock, sort_order)
         select $1, $2, $3, $4, $5, $6, $7, c.id, $8, $9, $10 from categories c
         where c.tenant_id = $1 and c.handle = $11`,
        [
          oldTenant,
          p.handle,
          p.title,
          plainText(p.description),
          p.priceCents,
          p.compareAtPriceCents ?? null,
          JSON.stringify([{ url: 'placeholder:x:1', alt: '' }]),
          p.isFeatured,
          p.inStock,
          i,
          p.collection,
        ],
      );
    }
    await q(
      `insert into products (tenant_id, handle, title, description, price_cents, sort_order)
       values ($1, 'own', 'Own & Co', $2, 500, 99)`,
      [oldTenant, 'Fish & <chips>\nline two\n\n"Second" paragraph'],
    );

    await runMigrations(ownerUrl);

    // The same catalog seeded today, for comparison.
    const database = createDatabase({ url: ownerUrl, poolSize: 1, logger: createLogger('silent') });
    try {
      await withTenant(database.db, newTenant, (tx) => seedSampleCatalog(tx, [newTenant]));
    } finally {
      await database.close();
    }
    const catalogOf = async (tenantId: string) =>
      (
        await q(
          `select p.handle, p.is_sample, replace(p.description, E'\\n', '') as description,
             v.position, v.option_values, v.price_cents, v.compare_at_price_cents,
             v.inventory_quantity, v.track_inventory, v.allow_backorder,
             (select string_agg(c.handle, ',') from collection_products cp
               join collections c on c.tenant_id = cp.tenant_id and c.id = cp.collection_id
               where cp.tenant_id = p.tenant_id and cp.product_id = p.id) as collections,
             (select count(*)::int from product_variants x where x.tenant_id = p.tenant_id and x.product_id = p.id) as variants
           from products p join product_variants v on v.tenant_id = p.tenant_id and v.product_id = p.id
           where p.tenant_id = $1 and p.handle <> 'own' order by p.handle`,
          [tenantId],
        )
      ).rows;
    const migrated = await catalogOf(oldTenant);
    expect(migrated).toHaveLength(SAMPLE_PRODUCTS.length);
    expect(migrated).toEqual(await catalogOf(newTenant));
    const bottle = migrated.find((p) => p.handle === 'insulated-bottle');
    expect(bottle).toMatchObject({
      track_inventory: true,
      inventory_quantity: 0,
      collections: 'accessories',
    });
    expect(migrated.find((p) => p.handle === 'organic-cotton-tee')).toMatchObject({
      price_cents: 3200,
      compare_at_price_cents: 4000,
      track_inventory: false,
    });

    const {
      rows: [own],
    } = await q(
      `select p.description, p.is_sample, v.price_cents,
         (select count(*)::int from collection_products cp where cp.product_id = p.id) as memberships
       from products p join product_variants v on v.product_id = p.id where p.handle = 'own'`,
    );
    expect(own).toEqual({
      description:
        '<p>Fish &amp; &lt;chips&gt;<br>line two</p>\n<p>&quot;Second&quot; paragraph</p>',
      is_sample: false,
      price_cents: 500,
      memberships: 0,
    });
    const { rows: collections } = await q(
      `select id, handle from collections where tenant_id = $1 order by sort_order`,
      [oldTenant],
    );
    expect(collections.map((c) => c.handle)).toEqual(SAMPLE_COLLECTIONS.map((c) => c.handle));

    // RLS is forced again on every catalog table, and the tenant role reads them.
    const { rows: security } = await q(
      `select relname, relrowsecurity and relforcerowsecurity as forced from pg_class
       where relname in ('products', 'product_variants', 'collections', 'collection_products')
       order by relname`,
    );
    expect(security.every((t) => t.forced)).toBe(true);
    expect(security).toHaveLength(4);

    // The storefront's one statement reads the migrated catalog as the tenant.
    const { sql: text, params } = new PgDialect().sqlToQuery(
      storeContentQuery({ type: 'collection', handle: 'apparel', page: 1 }),
    );
    await q('begin');
    await q(`select set_config('role', 'orbit_app', true), set_config('app.tenant_id', $1, true)`, [
      oldTenant,
    ]);
    const {
      rows: [content],
    } = await q(text, params);
    await q('commit');
    expect(content.products.map((p: { handle: string }) => p.handle)).toEqual([
      'organic-cotton-tee',
      'merino-beanie',
    ]);
    expect(content.products[0].variants[0]).toMatchObject({
      priceCents: 3200,
      compareAtPriceCents: 4000,
    });
    expect(Number(content.product_count)).toBe(2);
  });
});
