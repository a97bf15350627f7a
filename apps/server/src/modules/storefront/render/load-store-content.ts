/**
 * Reads the content a page needs in one tenant transaction (RLS: only this tenant's rows are
 * visible, whatever the query says) and in ONE statement: every part is a JSON sub-select, so
 * an uncached page costs four round trips (begin, tenant, query, commit) whatever it shows.
 */
import { sql, type SQL } from 'drizzle-orm';
import { readAsTenant, type Db } from '../../../platform/database/index.js';
import type { ProductOption } from '../../catalog/index.js';
import { storefrontMenusSql, type MenuItem } from '../../stores/index.js';
import type { StoreRoute } from '../http/store-paths.js';
import { storeImagesJson, type StoreImageRow } from './store-images.js';

export const PRODUCTS_PER_PAGE = 12;
const FEATURED_COUNT = 10;
const RELATED_COUNT = 4;
const SITEMAP_LIMIT = 50_000;

export interface VariantRow {
  id: string;
  optionValues: string[];
  sku: string | null;
  priceCents: number;
  compareAtPriceCents: number | null;
  inventoryQuantity: number;
  trackInventory: boolean;
  allowBackorder: boolean;
}

export interface ProductRow {
  id: string;
  handle: string;
  title: string;
  /** Sanitised HTML. */
  description: string;
  seoTitle: string;
  seoDescription: string;
  images: StoreImageRow[];
  options: ProductOption[];
  /** In position order (a product has at least one; listings of a sitemap carry none). */
  variants: VariantRow[];
  /** The product's first collection (by collection order), shown as its category. */
  categoryId: string | null;
}

export interface CategoryRow {
  id: string;
  handle: string;
  title: string;
  description: string;
}

export interface PageRow {
  handle: string;
  title: string;
  body: string;
  seoDescription: string;
}

export interface ProfileRow {
  name: string;
  tagline: string;
  logoText: string;
  contactEmail: string;
  currency: string;
  locale: string;
}

export interface MenuRow {
  handle: string;
  title: string;
  items: MenuItem[];
}

export interface StoreContent {
  profile: ProfileRow | null;
  menus: MenuRow[];
  categories: CategoryRow[];
  products: ProductRow[];
  productCount: number;
  product?: ProductRow | null;
  page?: PageRow | null;
  pages: PageRow[];
  /** The collection shown (null for `all`); undefined when its handle does not exist. */
  category?: CategoryRow | null;
}

const variantsJson = `(select coalesce(json_agg(json_build_object('id', v.id,
    'optionValues', v.option_values, 'sku', v.sku, 'priceCents', v.price_cents,
    'compareAtPriceCents', v.compare_at_price_cents, 'inventoryQuantity', v.inventory_quantity,
    'trackInventory', v.track_inventory, 'allowBackorder', v.allow_backorder)
    order by v.position), '[]')
  from product_variants v where v.tenant_id = p.tenant_id and v.product_id = p.id)`;
const firstCollection = `(select cp.collection_id from collection_products cp
    join collections c on c.tenant_id = cp.tenant_id and c.id = cp.collection_id
  where cp.tenant_id = p.tenant_id and cp.product_id = p.id
  order by c.sort_order, c.title limit 1)`;
const productJson = sql.raw(`json_build_object('id', p.id, 'handle', p.handle, 'title', p.title,
  'description', p.description, 'seoTitle', p.seo_title, 'seoDescription', p.seo_description,
  'images', ${storeImagesJson}, 'options', p.options, 'variants', ${variantsJson},
  'categoryId', ${firstCollection})`);
/** What the sitemap needs of a product: its handle. */
const sitemapJson = sql.raw(`json_build_object('handle', p.handle)`);
const pageJson = sql.raw(`json_build_object('handle', pg.handle, 'title', pg.title,
  'body', pg.body, 'seoDescription', pg.seo_description)`);
const LISTING_ORDER = 'p.sort_order, p.created_at desc';
const RELATED_ORDER = sql.raw('o.sort_order, o.created_at desc');

/** A JSON array of active products matching `where`, in `order`, limited. */
function productList(
  where: SQL,
  order: string,
  limit: number,
  options: { offset?: number; from?: SQL; json?: SQL } = {},
) {
  const from = options.from ?? sql`products p`;
  // The page's rows are chosen first (order and limit on plain columns, by index where one
  // fits); only they are turned into JSON — never every product of a large catalogue.
  return sql`(select coalesce(json_agg(${options.json ?? productJson} order by p.n), '[]') from (
    select p.*, row_number() over (order by ${sql.raw(order)}) as n
    from ${from} where p.status = 'active' and ${where}
    order by ${sql.raw(order)} limit ${limit} offset ${options.offset ?? 0}) p)`;
}

/** Products joined with their memberships (`cp.position` orders a collection). */
const WITH_MEMBERSHIPS = sql`collection_products cp
  join products p on p.tenant_id = cp.tenant_id and p.id = cp.product_id`;

function routeParts(route: StoreRoute): Record<string, SQL> {
  switch (route.type) {
    case 'index':
      return {
        products: productList(sql`true`, `p.is_featured desc, ${LISTING_ORDER}`, FEATURED_COUNT),
        pages: sql`(select coalesce(json_agg(${pageJson}), '[]') from pages pg
          where pg.handle in ('home', 'about') and pg.is_published)`,
      };
    case 'collection': {
      const offset = (route.page - 1) * PRODUCTS_PER_PAGE;
      if (route.handle === 'all') {
        return {
          products: productList(sql`true`, LISTING_ORDER, PRODUCTS_PER_PAGE, { offset }),
          product_count: sql`(select count(*) from products p where p.status = 'active')`,
        };
      }
      const where = sql`cp.collection_id = (select id from collections where handle = ${route.handle})`;
      return {
        products: productList(where, `cp.position, ${LISTING_ORDER}`, PRODUCTS_PER_PAGE, {
          offset,
          from: WITH_MEMBERSHIPS,
        }),
        product_count: sql`(select count(*) from ${WITH_MEMBERSHIPS}
          where p.status = 'active' and ${where})`,
      };
    }
    case 'product': {
      const target = sql`(select t.id from products t where t.handle = ${route.handle} and t.status = 'active')`;
      const targetCollections = sql`(select cp.collection_id from collection_products cp
        join products t on t.tenant_id = cp.tenant_id and t.id = cp.product_id
        where t.handle = ${route.handle})`;
      return {
        product: sql`(select ${productJson} from products p
          where p.handle = ${route.handle} and p.status = 'active')`,
        // Products sharing a collection with it first (in collection order), then the rest
        // of the catalogue: two short index reads, then the first few of each, deduplicated.
        products: sql`(select coalesce(json_agg(${productJson} order by p.rank, p.pos), '[]')
          from (select * from (select distinct on (p.id) p.*, r.rank, r.pos from (
              (select cp.product_id as id, 0 as rank, cp.position as pos
                from collection_products cp
                join products o on o.tenant_id = cp.tenant_id and o.id = cp.product_id
                where cp.collection_id = any(array${targetCollections}) and o.status = 'active'
                  and o.id <> ${target}
                order by cp.position limit ${RELATED_COUNT})
              union all
              (select o.id, 1, row_number() over (order by ${RELATED_ORDER})
                from products o where o.status = 'active' and o.id <> ${target}
                order by ${RELATED_ORDER} limit ${RELATED_COUNT * 2})
            ) r join products p on p.id = r.id
            order by p.id, r.rank, r.pos) d
          order by d.rank, d.pos limit ${RELATED_COUNT}) p)`,
      };
    }
    case 'page':
      return {
        page: sql`(select ${pageJson} from pages pg
          where pg.handle = ${route.handle} and pg.is_published)`,
      };
    case 'sitemap':
      return {
        products: productList(sql`true`, LISTING_ORDER, SITEMAP_LIMIT, { json: sitemapJson }),
        pages: sql`(select coalesce(json_agg(${pageJson}), '[]') from pages pg where pg.is_published)`,
      };
    default:
      return {};
  }
}

interface ContentRow extends Record<string, unknown> {
  profile: ProfileRow | null;
  menus: MenuRow[];
  categories: CategoryRow[];
  products?: ProductRow[];
  product_count?: string | number;
  product?: ProductRow | null;
  page?: PageRow | null;
  pages?: PageRow[];
}

/** The one statement that reads everything a route's page shows (run in the tenant scope). */
export function storeContentQuery(route: StoreRoute): SQL {
  const parts: Record<string, SQL> = {
    profile: sql`(select json_build_object('name', s.name, 'tagline', s.tagline,
      'logoText', s.logo_text, 'contactEmail', s.contact_email, 'currency', s.currency,
      'locale', s.locale) from store_profiles s)`,
    // Menu links by id resolve to their target's current URL (stores module, ADR 062).
    menus: storefrontMenusSql,
    categories: sql`(select coalesce(json_agg(json_build_object('id', c.id, 'handle', c.handle,
      'title', c.title, 'description', c.description) order by c.sort_order, c.title), '[]')
      from collections c)`,
    ...routeParts(route),
  };
  const columns = sql.join(
    Object.entries(parts).map(([name, part]) => sql`${part} as ${sql.identifier(name)}`),
    sql`, `,
  );
  return sql`select ${columns}`;
}

/** The content of a route's page from the row of `storeContentQuery`. */
export function toStoreContent(row: Record<string, unknown>, route: StoreRoute): StoreContent {
  const r = row as ContentRow;
  const content: StoreContent = {
    profile: r.profile,
    menus: r.menus,
    categories: r.categories,
    products: r.products ?? [],
    productCount: Number(r.product_count ?? 0),
    product: r.product,
    page: r.page,
    pages: r.pages ?? [],
  };
  if (route.type === 'collection') {
    content.category =
      route.handle === 'all' ? null : content.categories.find((c) => c.handle === route.handle);
  }
  return content;
}

export async function loadStoreContent(options: {
  db: Db;
  tenantId: string;
  route: StoreRoute;
}): Promise<StoreContent> {
  const [row] = await readAsTenant<ContentRow>(
    options.db,
    options.tenantId,
    storeContentQuery(options.route),
  );
  return toStoreContent(row!, options.route);
}
