/**
 * Store slugs: the subdomain of a store's website. Derived from the store name, or requested
 * explicitly at activation. A slug is reserved by a provisioning (unique `provisionings.slug`)
 * and recorded on the tenant (unique `tenants.slug`), so concurrent runs never share one.
 */
import { sql } from 'drizzle-orm';
import { SLUG_PATTERN } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';
import { tenants } from '../tenants/index.js';
import { provisionings } from './provisioning.table.js';

/** Host labels the platform keeps for itself. */
export const RESERVED_SLUGS = new Set([
  'www',
  'api',
  'app',
  'admin',
  'dashboard',
  'docs',
  'help',
  'support',
  'status',
  'mail',
  'smtp',
  'static',
  'assets',
  'cdn',
  'store',
  'stores',
  'shop',
  'blog',
  'login',
  'auth',
  'orbit360',
  'platform',
  'localhost',
  'test',
  'staging',
  'dev',
  'internal',
  'realtime',
]);

/** "Acme & Co. Café" → "acme-co-cafe" (ASCII, 2–40 characters, never reserved). */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 34)
    .replace(/-+$/g, '');
  if (base.length < 2) return 'store';
  return RESERVED_SLUGS.has(base) ? `${base}-store` : base;
}

export function slugProblem(slug: string): string | null {
  if (!SLUG_PATTERN.test(slug)) {
    return 'must be 2-40 lowercase letters, digits or dashes (no dash at the ends)';
  }
  if (RESERVED_SLUGS.has(slug)) return 'is reserved by the platform';
  return null;
}

/** True when a tenant uses the slug or another provisioning reserved it. */
export async function isSlugTaken(db: Executor, slug: string, exceptProvisioningId?: string) {
  const result = await db.execute<{ taken: boolean }>(sql`
    select exists (select 1 from ${tenants} where ${tenants.slug} = ${slug})
        or exists (select 1 from ${provisionings} where ${provisionings.slug} = ${slug}
                   and ${provisionings.id} is distinct from ${exceptProvisioningId ?? null}::uuid)
       as taken`);
  return result.rows[0]?.taken === true;
}

/**
 * The slugs in use (by a tenant or reserved by a provisioning) among `base`, `base-2`, … for
 * each base, in one query. Slugs are [a-z0-9-] only, so the prefixes have no LIKE wildcards;
 * both columns have a text_pattern_ops index, so this reads only the slugs that start with a
 * base.
 */
export async function findTakenSlugs(db: Executor, bases: string[]): Promise<Set<string>> {
  const list = [...new Set(bases)];
  const patterns = list.map((base) => `${base}-%`);
  const inList = sql.join(
    list.map((base) => sql`${base}`),
    sql`, `,
  );
  const likeAny = sql`like any (array[${sql.join(
    patterns.map((p) => sql`${p}`),
    sql`, `,
  )}]::text[])`;
  const rows = await db
    .select({ slug: tenants.slug })
    .from(tenants)
    .where(sql`${tenants.slug} in (${inList}) or ${tenants.slug} ${likeAny}`)
    .unionAll(
      db
        .select({ slug: provisionings.slug })
        .from(provisionings)
        .where(sql`${provisionings.slug} in (${inList}) or ${provisionings.slug} ${likeAny}`),
    );
  return new Set(rows.flatMap((r) => (r.slug ? [r.slug] : [])));
}

/** The first free slug among `base`, `base-2`, `base-3`, … that is not in `taken`. */
export function firstFreeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The first free slug among `base`, `base-2`, `base-3`, … in one query. A concurrent run may
 * still take it before we write it: callers write under the unique indexes and try again.
 */
export async function findAvailableSlug(db: Executor, base: string): Promise<string> {
  return firstFreeSlug(base, await findTakenSlugs(db, [base]));
}
