/**
 * The floor for the provisioning benchmark: the same rows one provisioning created, inserted
 * by one bare SQL transaction (one INSERT … SELECT per table, no workflow, no
 * HTTP, no email). Rows are copied from a provisioned merchant with every id remapped.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Tables in insertion order, with how to find the template's rows and the columns to skip. */
const TABLES: { table: string; where: string; skip?: string[] }[] = [
  { table: 'tenants', where: 'id = $T' },
  { table: 'provisionings', where: 'merchant_id = $M' },
  { table: 'provisioning_steps', where: 'provisioning_id = $P' },
  { table: 'store_profiles', where: 'tenant_id = $T' },
  { table: 'merchant_accounts', where: 'tenant_id = $T' },
  {
    table: 'password_tokens',
    where: 'account_id in (select id from merchant_accounts where tenant_id = $T)',
  },
  { table: 'dashboard_configs', where: 'tenant_id = $T' },
  { table: 'onboarding_tasks', where: 'tenant_id = $T' },
  { table: 'site_versions', where: 'tenant_id = $T' },
  { table: 'sites', where: 'tenant_id = $T' },
  { table: 'collections', where: 'tenant_id = $T' },
  { table: 'products', where: 'tenant_id = $T' },
  { table: 'product_variants', where: 'tenant_id = $T' },
  { table: 'collection_products', where: 'tenant_id = $T' },
  { table: 'pages', where: 'tenant_id = $T' },
  { table: 'menus', where: 'tenant_id = $T' },
  { table: 'emails', where: 'tenant_id = $T' },
  {
    table: 'audit_log',
    where: `target_id = $M::text and action <> 'merchant.signed_up'`,
    skip: ['id'],
  },
  {
    table: 'events',
    where: `(tenant_id = $T or data->>'merchantId' = $M::text) and type <> 'merchant.signed_up'`,
    skip: ['id', 'seq'],
  },
];

export async function measureFloor(options: {
  pool: pg.Pool;
  merchantId: string;
  runs?: number;
}): Promise<{ rows: number; tables: number; p50: number; p95: number }> {
  const { pool, merchantId } = options;
  const client = await pool.connect();
  try {
    const { rows: ids } = await client.query<{ tenant_id: string; id: string }>(
      'select tenant_id, id from provisionings where merchant_id = $1',
      [merchantId],
    );
    const bind = (sql: string) =>
      sql
        .replaceAll('$T', `'${ids[0]!.tenant_id}'::uuid`)
        .replaceAll('$M', `'${merchantId}'::uuid`)
        .replaceAll('$P', `'${ids[0]!.id}'::uuid`);
    const templates: { table: string; columns: string[]; json: string }[] = [];
    let rows = 0;
    for (const spec of TABLES) {
      const { rows: found } = await client.query<{ row: Record<string, unknown> }>(
        `select to_jsonb(t) as row from ${spec.table} t where ${bind(spec.where)}`,
      );
      if (!found.length) continue;
      rows += found.length;
      const columns = Object.keys(found[0]!.row).filter((c) => !spec.skip?.includes(c));
      templates.push({ table: spec.table, columns, json: JSON.stringify(found.map((f) => f.row)) });
    }
    const { rows: template } = await client.query<{
      slug: string;
      namespace: string;
      merchant_code: string;
      email: string;
    }>(
      `select t.slug, t.namespace, m.merchant_code, m.email
       from tenants t join merchants m on m.id = t.merchant_id where m.id = $1`,
      [merchantId],
    );
    const base = template[0]!;
    // Catalog and admin ids are shared, not copied.
    const { rows: shared } = await client.query<{ id: string }>(
      'select id from themes union all select id from plans union all select id from admins',
    );

    const timings: number[] = [];
    const runs = options.runs ?? 30;
    for (let i = 0; i < runs; i++) {
      // A fresh merchant (its signup is not part of provisioning) and fresh ids everywhere.
      const newMerchant = randomUUID();
      const code = `merchant_${randomBytes(6).toString('hex')}`;
      const email = `floor-${i}-${randomBytes(4).toString('hex')}@bench.test`;
      await client.query(
        `insert into merchants (id, store_name, owner_name, email) values ($1, 'Floor', 'Floor', $2)`,
        [newMerchant, email],
      );
      const remap = new Map<string, string>([
        [merchantId, newMerchant],
        ...shared.map((r) => [r.id, r.id] as [string, string]),
      ]);
      const rewrite = (json: string) =>
        json
          .replace(UUID, (id) => {
            if (!remap.has(id)) remap.set(id, randomUUID());
            return remap.get(id)!;
          })
          .replaceAll(base.namespace, `tenant_${code}`)
          .replaceAll(base.merchant_code, code)
          .replaceAll(base.email, email)
          .replaceAll(`"${base.slug}"`, `"floor-${newMerchant.slice(0, 13)}"`)
          .replace(
            /"token_hash": ?"[0-9a-f]{64}"/g,
            () => `"token_hash":"${randomBytes(32).toString('hex')}"`,
          );
      const statements = templates.map(
        (t) =>
          [
            `insert into ${t.table} (${t.columns.map((c) => `"${c}"`).join(', ')})
             select ${t.columns.map((c) => `"${c}"`).join(', ')}
             from jsonb_populate_recordset(null::${t.table}, $1::jsonb)`,
            rewrite(t.json),
          ] as const,
      );
      const started = performance.now();
      await client.query('begin');
      await client.query(
        `update merchants set status = 'active', merchant_code = $2, updated_at = now() where id = $1`,
        [newMerchant, code],
      );
      for (const [sql, json] of statements) await client.query(sql, [json]);
      await client.query('commit');
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const at = (p: number) =>
      timings[Math.min(timings.length - 1, Math.ceil((p / 100) * timings.length) - 1)]!;
    return { rows: rows + 1, tables: templates.length + 1, p50: at(50), p95: at(95) };
  } finally {
    client.release();
  }
}
