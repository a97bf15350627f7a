/**
 * Reads the content a page needs in one tenant transaction (RLS: only this tenant's rows are
 * visible, whatever the query says) and in ONE statement: every part is a JSON sub-select, so
 * an uncached page costs four round trips (begin, tenant, query, commit) whatever it shows.
 */
import { sql, type SQL } from 'drizzle-orm';
import { readAsTenant, type Db } from '../../../platform/database/index.js';
import type { MenuItem, ProductImage } from '../../stores/index.js';
import type { StoreRoute } from '../http/store-paths.js';

export const PRODUCTS_PER_PAGE = 12;
const FEATURED_COUNT = 10;
const RELATED_COUNT = 4;
const SITEMAP_LIMIT = 50_000;

export interface ProductRow {
  id: string;
  handle: string;
  title: string;
  description: string;
  priceCents: number;
  compareAtPriceCents: number | null;
  currency: string;
  images: ProductImage[];
  categoryId: string | null;
  inStock: boolean;
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

const productJson = sql.raw(`json_build_object('id', p.id, 'handle', p.handle, 'title', p.title,
  'description', p.description, 'priceCents', p.price_cents,
  'compareAtPriceCents', p.compare_at_price_cents, 'currency', p.currency, 'images', p.images,
  'categoryId', p.category_id, 'inStock', p.in_stock)`);
const pageJson = sql.raw(`json_build_object('handle', pg.handle, 'title', pg.title,
  'body', pg.body, 'seoDescription', pg.seo_description)`);
const LISTING_ORDER = 'p.sort_order, p.created_at desc';

/** A JSON array of products matching `where`, in `order`, limited. */
function productList(where: SQL, order: string, limit: number, offset = 0) {
  return sql`(select coalesce(json_agg(x.j order by x.n), '[]') from (
    select ${productJson} as j, row_number() over (order by ${sql.raw(order)}) as n
    from products p where p.status = 'active' and ${where}
    order by ${sql.raw(order)} limit ${limit} offset ${offset}) x)`;
}

function routeParts(route: StoreRoute): Record<string, SQL> {
  switch (route.type) {
    case 'index':
      return {
        products: productList(sql`true`, `p.is_featured desc, ${LISTING_ORDER}`, FEATURED_COUNT),
        pages: sql`(select coalesce(json_agg(${pageJson}), '[]') from pages pg
          where pg.handle in ('home', 'about') and pg.is_published)`,
      };
    case 'collection': {
      const where =
        route.handle === 'all'
          ? sql`true`
          : sql`p.category_id = (select id from categories where handle = ${route.handle})`;
      const offset = (route.page - 1) * PRODUCTS_PER_PAGE;
      return {
        products: productList(where, LISTING_ORDER, PRODUCTS_PER_PAGE, offset),
        product_count: sql`(select count(*) from products p where p.status = 'active' and ${where})`,
      };
    }
    case 'product': {
      const target = sql`(select t.id from products t where t.handle = ${route.handle} and t.status = 'active')`;
      const targetCategory = sql`(select t.category_id from products t where t.handle = ${route.handle})`;
      return {
        product: sql`(select ${productJson} from products p
          where p.handle = ${route.handle} and p.status = 'active')`,
        // Same category first, then the rest of the catalogue.
        products: sql`(select coalesce(json_agg(x.j order by x.n), '[]') from (
          select ${productJson} as j, row_number() over (order by
            (p.category_id is not distinct from ${targetCategory}) desc, ${sql.raw(LISTING_ORDER)}) as n
          from products p where p.status = 'active' and p.id <> ${target}
          order by n limit ${RELATED_COUNT}) x)`,
      };
    }
    case 'page':
      return {
        page: sql`(select ${pageJson} from pages pg
          where pg.handle = ${route.handle} and pg.is_published)`,
      };
    case 'sitemap':
      return {
        products: productList(sql`true`, LISTING_ORDER, SITEMAP_LIMIT),
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
    menus: sql`(select coalesce(json_agg(json_build_object('handle', m.handle, 'title', m.title,
      'items', m.items)), '[]') from menus m)`,
    categories: sql`(select coalesce(json_agg(json_build_object('id', c.id, 'handle', c.handle,
      'title', c.title, 'description', c.description) order by c.sort_order, c.title), '[]')
      from categories c)`,
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
