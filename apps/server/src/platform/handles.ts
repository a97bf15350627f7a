/**
 * URL handles (`/products/<handle>`, `/pages/<handle>`): made from a title, and the first free
 * one of a tenant's table. Shared by the modules whose rows have handles.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './database/index.js';
import { AppError, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from './errors.js';

/** A URL handle from a title: "Crème Brûlée Mug!" → "creme-brulee-mug". */
export function handleFromTitle(title: string, fallback: string): string {
  const handle = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90)
    .replace(/-+$/, '');
  return handle || fallback;
}

/**
 * The first free handle of `base`, `base-2`, `base-3`… in a table of the tenant in scope
 * (`table`: e.g. `products`, `pages`). Callers hold a lock of that tenant's writes, so no
 * concurrent create can take the same one between this read and their insert.
 */
export async function freeHandle(tx: Tx, table: SQL, base: string): Promise<string> {
  const escaped = base.replace(/[\\%_]/g, (c) => `\\${c}`);
  const result = await tx.execute<{ handle: string }>(
    sql`select handle from ${table} where handle = ${base} or handle like ${`${escaped}-%`}`,
  );
  const taken = new Set(result.rows.map((row) => row.handle));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/**
 * Turns the unique-handle violation (a `*_handle_key` index) of an explicit handle into 409
 * CONFLICT naming `what` ("product", "page"…).
 */
export async function withHandleConflict<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      pgErrorCode(error) === PG_UNIQUE_VIOLATION &&
      pgConstraint(error)?.endsWith('_handle_key')
    ) {
      throw new AppError('CONFLICT', `Another ${what} already uses this handle`, {
        field: 'body.handle',
      });
    }
    throw error;
  }
}
