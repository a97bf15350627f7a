import { getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

interface InsertJsonOptions {
  /** `on conflict do nothing`, for any unique index or only the target's. */
  onConflictDoNothing?: boolean | { target: PgColumn };
}

/**
 * Inserts many rows sent as ONE JSON parameter (`jsonb_populate_recordset` over the table's
 * row type) instead of one bind parameter per value: for bulk writes (a batch of new stores'
 * sample content is thousands of values) building and sending the parameters one by one costs
 * far more than one JSON document. Rows use the table's property names, like drizzle's
 * `insert`, and must all have the same keys (the first row's are used); columns left out
 * take their database defaults (not drizzle's `$defaultFn`). Values must be JSON-able (no
 * `sql` expressions).
 */
export async function insertJsonRows<T extends PgTable>(
  db: Executor,
  table: T,
  rows: T['$inferInsert'][],
  options: InsertJsonOptions = {},
): Promise<void> {
  if (rows.length) await db.execute(insertJsonSql(table, rows, options, false));
}

/** `insertJsonRows` returning the inserted rows, read back as drizzle would (typed, mapped). */
export async function insertJsonRowsReturning<T extends PgTable>(
  db: Executor,
  table: T,
  rows: T['$inferInsert'][],
  options: InsertJsonOptions = {},
): Promise<T['$inferSelect'][]> {
  if (!rows.length) return [];
  const result = await db.execute<Record<string, unknown>>(
    insertJsonSql(table, rows, options, true),
  );
  const columns = Object.entries(getTableColumns(table));
  return result.rows.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  });
}

function insertJsonSql<T extends PgTable>(
  table: T,
  rows: T['$inferInsert'][],
  options: InsertJsonOptions,
  returning: boolean,
) {
  const columns = getTableColumns(table);
  // Like drizzle's insert, properties that are not columns of the table are ignored.
  const keys = Object.keys(rows[0]!).filter((key) => key in columns);
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
  const conflict = options.onConflictDoNothing;
  return sql`
    insert into ${table} (${list})
    select ${list} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)
    ${
      conflict === true
        ? sql`on conflict do nothing`
        : conflict
          ? sql`on conflict (${sql.identifier(conflict.target.name)}) do nothing`
          : sql``
    }
    ${returning ? sql`returning *` : sql``}`;
}
