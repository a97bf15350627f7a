import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/**
 * Inserts many rows sent as ONE JSON parameter (`jsonb_populate_recordset` over the table's
 * row type) instead of one bind parameter per value: for bulk writes (a batch of new stores'
 * sample content is thousands of values) building and sending the parameters one by one costs
 * far more than one JSON document. Rows use the table's property names, like drizzle's
 * `insert`, and must all have the same keys; columns left out take their defaults.
 */
export async function insertJsonRows<T extends PgTable>(
  db: Executor,
  table: T,
  rows: T['$inferInsert'][],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!);
  const names = keys.map((key) => columns[key]!.name);
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        keys.map((key, i) => [names[i], (row as Record<string, unknown>)[key] ?? null]),
      ),
    ),
  );
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await db.execute(sql`
    insert into ${table} (${list})
    select ${list} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)
    ${options.onConflictDoNothing ? sql`on conflict do nothing` : sql``}`);
}
