/**
 * The store's two menus (`main`, `footer`) as the merchant edits them: read with each link
 * resolved to its target's current URL, replaced whole on save.
 */
import { inArray, sql } from 'drizzle-orm';
import type { MenuItem, MenuItemInput, Navigation, NavigationInput } from '@orbit360/contracts';
import { inTenantScope, withTenant, type Tx } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { collections, products } from '../catalog/index.js';
import { menus, pages, type StoredMenuItem } from './content.table.js';
import { publishContentChange } from './content-events.js';
import { resolvedMenuItems } from './menu-links.js';
import type { TenantScope, TenantWrite } from './stores.deps.js';

const MENUS = { main: 'Main menu', footer: 'Footer menu' } as const;
type MenuHandle = keyof typeof MENUS;
const HANDLES = Object.keys(MENUS) as MenuHandle[];

interface ResolvedRow extends Record<string, unknown> {
  handle: string;
  items: { type: MenuItem['type']; id: string | null; title: string; url: string | null }[];
}

async function readNavigation(tx: Tx): Promise<Navigation> {
  const result = await tx.execute<ResolvedRow>(
    sql`select m.handle, ${resolvedMenuItems({ visibleOnly: false })} as items from menus m`,
  );
  const navigation: Navigation = { main: [], footer: [] };
  for (const row of result.rows) {
    if (row.handle !== 'main' && row.handle !== 'footer') continue;
    navigation[row.handle] = row.items.map(({ id, ...item }) => ({
      ...item,
      ...(id !== null && { id }),
    }));
  }
  return navigation;
}

export async function getNavigation(options: TenantScope): Promise<Navigation> {
  return withTenant(options.db, options.tenantId, readNavigation);
}

const TARGETS = {
  collection: { table: collections, label: 'collection' },
  product: { table: products, label: 'product' },
  page: { table: pages, label: 'page' },
} as const;

/** 400 naming every item whose collection, product or page is not one of this tenant's. */
async function checkTargets(tx: Tx, input: NavigationInput) {
  const issues: { field: string; message: string }[] = [];
  for (const [type, { table, label }] of Object.entries(TARGETS)) {
    const linked = HANDLES.flatMap((handle) =>
      input[handle].flatMap((item, i) =>
        item.type === type && 'id' in item
          ? [{ field: `body.${handle}.${i}.id`, id: item.id }]
          : [],
      ),
    );
    if (!linked.length) continue;
    const found = await tx
      .select({ id: table.id })
      .from(table)
      .where(inArray(table.id, [...new Set(linked.map((l) => l.id))]));
    const known = new Set(found.map((row) => row.id));
    for (const link of linked) {
      if (!known.has(link.id))
        issues.push({ field: link.field, message: `no ${label} with this id` });
    }
  }
  if (issues.length) throw AppError.validation(issues);
}

const toStored = (item: MenuItemInput): StoredMenuItem =>
  item.type === 'url'
    ? { type: 'url', url: item.url, title: item.title }
    : { type: item.type, id: item.id, title: item.title };

/**
 * Replaces both menus. Links to collections, products and pages must name this tenant's
 * (400 with the item's field path otherwise: RLS hides other tenants' rows).
 */
export async function updateNavigation(
  options: TenantWrite & { input: NavigationInput },
): Promise<Navigation> {
  const { db, tenantId, input } = options;
  return db.transaction(async (tx) => {
    const navigation = await inTenantScope(tx, tenantId, async (tx) => {
      await checkTargets(tx, input);
      const now = new Date();
      await tx
        .insert(menus)
        .values(
          HANDLES.map((handle) => ({
            tenantId,
            handle,
            title: MENUS[handle],
            items: input[handle].map(toStored),
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [menus.tenantId, menus.handle],
          set: { items: sql`excluded.items`, updatedAt: now },
        });
      return readNavigation(tx);
    });
    await publishContentChange(tx, options, {
      resource: 'navigation',
      action: 'updated',
      ids: HANDLES,
    });
    return navigation;
  });
}
