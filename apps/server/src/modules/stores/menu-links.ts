/**
 * Menu items link to collections, products and pages by id; these statements turn them into
 * the target's current URL when a menu is read (the merchant's navigation, the storefront's
 * one content statement), so a renamed handle never breaks a menu. Run in a tenant scope.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/database/index.js';
import { menus } from './content.table.js';

/**
 * A JSON array of `{ type, id, title, url }` for the items of the menu row `m` (url null when
 * the target is gone, or — with `visibleOnly` — hidden from shoppers: unpublished, not active).
 */
export function resolvedMenuItems(options: { visibleOnly: boolean }): SQL {
  const pageVisible = options.visibleOnly ? sql`and pg.is_published` : sql``;
  const productVisible = options.visibleOnly ? sql`and p.status = 'active'` : sql``;
  return sql`(select coalesce(json_agg(json_build_object('type', i.item->>'type',
      'id', i.item->>'id', 'title', i.item->>'title', 'url', case i.item->>'type'
        when 'url' then i.item->>'url'
        when 'page' then (select case when pg.handle = 'home' then '/' else '/pages/' || pg.handle end
          from pages pg where pg.tenant_id = m.tenant_id and pg.id = (i.item->>'id')::uuid ${pageVisible})
        when 'collection' then (select '/collections/' || c.handle from collections c
          where c.tenant_id = m.tenant_id and c.id = (i.item->>'id')::uuid)
        when 'product' then (select '/products/' || p.handle from products p
          where p.tenant_id = m.tenant_id and p.id = (i.item->>'id')::uuid ${productVisible})
      end) order by i.n), '[]')
    from jsonb_array_elements(m.items) with ordinality as i(item, n))`;
}

/**
 * The storefront's menus: `{ handle, title, items: { title, url }[] }`, items whose target
 * shoppers cannot see left out. One sub-select of the storefront's content statement.
 */
export const storefrontMenusSql: SQL = sql`(select coalesce(json_agg(json_build_object(
    'handle', m.handle, 'title', m.title,
    'items', (select coalesce(json_agg(json_build_object('title', r.item->>'title', 'url', r.item->>'url')
        order by r.n), '[]')
      from json_array_elements(${resolvedMenuItems({ visibleOnly: true })}) with ordinality as r(item, n)
      where r.item->>'url' is not null))), '[]')
  from menus m)`;

/**
 * Turns the URL items of these tenants' menus that point at one of their pages, collections
 * or products (`/pages/about`) into links by id. Used when a store's starter menus are seeded.
 */
export async function linkMenuUrls(tx: Tx, tenantIds: string[]) {
  await tx
    .update(menus)
    .set({
      items: sql`coalesce((select jsonb_agg(case
          when pg.id is not null then jsonb_build_object('type', 'page', 'id', pg.id, 'title', i.item->>'title')
          when c.id is not null then jsonb_build_object('type', 'collection', 'id', c.id, 'title', i.item->>'title')
          when pr.id is not null then jsonb_build_object('type', 'product', 'id', pr.id, 'title', i.item->>'title')
          else i.item end order by i.n)
        from jsonb_array_elements(${menus.items}) with ordinality as i(item, n)
        left join pages pg on pg.tenant_id = ${menus.tenantId} and i.item->>'type' = 'url'
          and i.item->>'url' = '/pages/' || pg.handle
        left join collections c on c.tenant_id = ${menus.tenantId} and i.item->>'type' = 'url'
          and i.item->>'url' = '/collections/' || c.handle
        left join products pr on pr.tenant_id = ${menus.tenantId} and i.item->>'type' = 'url'
          and i.item->>'url' = '/products/' || pr.handle), '[]'::jsonb)`,
    })
    .where(inArray(menus.tenantId, tenantIds));
}
