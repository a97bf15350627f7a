import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/database/index.js';
import { tenants } from './tenants.table.js';

/**
 * Records the theme each tenant's live website uses (a publish or rollback of its site), in
 * the caller's transaction: one statement for all.
 */
export async function setTenantThemes(
  tx: Tx,
  inputs: { tenantId: string; themeId: string }[],
): Promise<void> {
  if (!inputs.length) return;
  const rows = JSON.stringify(inputs.map((i) => ({ id: i.tenantId, theme_id: i.themeId })));
  await tx.execute(sql`
    update ${tenants} t set theme_id = i.theme_id, updated_at = now()
    from jsonb_to_recordset(${rows}::jsonb) as i(id uuid, theme_id uuid)
    where t.id = i.id`);
}

export interface AssignedSlug {
  tenantId: string;
  /** The tenant's slug: the one it already had, else the one given (set now). */
  slug: string;
  /** Whether the tenant had no slug before, so the given one was set. */
  assigned: boolean;
}

/**
 * Gives tenants without a slug the one proposed for each, in the caller's transaction and one
 * statement for all; a tenant that already has a slug keeps it. The unique index on the slug
 * decides races (the statement then fails with a unique violation). Returns one entry per
 * input, in order.
 */
export async function assignTenantSlugs(
  tx: Tx,
  inputs: { tenantId: string; slug: string }[],
): Promise<AssignedSlug[]> {
  if (!inputs.length) return [];
  const rows = JSON.stringify(inputs.map((i) => ({ id: i.tenantId, slug: i.slug })));
  const result = await tx.execute<{ id: string; slug: string; assigned: boolean }>(sql`
    with input as (
      select * from jsonb_to_recordset(${rows}::jsonb) as i(id uuid, slug text)),
    current as (
      select t.id, t.slug from ${tenants} t join input i on t.id = i.id where t.slug is not null),
    assign as (
      update ${tenants} t set slug = i.slug, updated_at = now() from input i
      where t.id = i.id and t.slug is null
      returning t.id, t.slug)
    select i.id, coalesce(c.slug, a.slug) as slug, c.id is null as assigned
    from input i left join current c on c.id = i.id left join assign a on a.id = i.id`);
  const byId = new Map(result.rows.map((row) => [row.id, row]));
  return inputs.map(({ tenantId }) => {
    const row = byId.get(tenantId)!;
    return { tenantId, slug: row.slug, assigned: row.assigned };
  });
}
