/**
 * The URL space of a store (relative to its root): what each path shows. Pure; the cache key
 * of a page is derived from the parsed route, so query parameters a page ignores (tracking
 * parameters, cache-busters) never multiply cache entries.
 */

export type StoreRoute =
  | { type: 'index' }
  | { type: 'collection'; handle: string; page: number }
  | { type: 'product'; handle: string; variantId?: string }
  | { type: 'page'; handle: string }
  | { type: 'sitemap' }
  | { type: 'robots' }
  | { type: 'stylesheet' }
  | { type: 'favicon' }
  | { type: 'placeholder'; kind: string; hue: number }
  | { type: 'asset'; file: string }
  | { type: 'redirect'; to: string }
  | { type: 'not-found'; path: string };

const HANDLE_RE = /^[a-z0-9][a-z0-9_-]{0,119}$/;
const MAX_PAGE = 10_000;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function pageNumber(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : 1;
  return n >= 1 && n <= MAX_PAGE ? n : 1;
}

export function parseStorePath(rawPath: string, query: Record<string, unknown>): StoreRoute {
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.replace(/\/+$/, '') : rawPath;
  if (path === '/' || path === '') return { type: 'index' };
  const parts = path.split('/').slice(1);
  const [section, handle, extra] = parts;
  const notFound = { type: 'not-found', path } as const;
  if (parts.length === 1) {
    if (section === 'sitemap.xml') return { type: 'sitemap' };
    if (section === 'robots.txt') return { type: 'robots' };
    if (section === 'collections' || section === 'products') {
      return { type: 'redirect', to: '/collections/all' };
    }
    return notFound;
  }
  if (section === 'assets') {
    if (parts.length === 2 && handle === 'theme.css') return { type: 'stylesheet' };
    if (parts.length === 2 && handle === 'favicon.svg') return { type: 'favicon' };
    if (parts.length === 2 && /^[a-z0-9][a-z0-9_.-]{0,99}$/i.test(handle!)) {
      return { type: 'asset', file: handle! };
    }
    const placeholder =
      parts.length === 3 &&
      handle === 'placeholder' &&
      /^([a-z]{1,20})-(\d{1,3})\.svg$/.exec(extra!);
    return placeholder
      ? { type: 'placeholder', kind: placeholder[1]!, hue: Number(placeholder[2]) }
      : notFound;
  }
  if (parts.length !== 2 || !HANDLE_RE.test(handle!)) return notFound;
  switch (section) {
    case 'collections':
      return { type: 'collection', handle: handle!, page: pageNumber(query.page) };
    case 'products': {
      // `?variant=<id>` selects a variant server-side (the picker's links work without script).
      const variant = typeof query.variant === 'string' ? query.variant.toLowerCase() : '';
      return UUID_RE.test(variant)
        ? { type: 'product', handle: handle!, variantId: variant }
        : { type: 'product', handle: handle! };
    }
    case 'pages':
      return { type: 'page', handle: handle! };
    default:
      return notFound;
  }
}

/** A stable string for a route, used in cache keys (ignores everything a page does not use). */
export function routeKey(route: StoreRoute): string {
  switch (route.type) {
    case 'collection':
      return `collection:${route.handle}:${route.page}`;
    case 'product':
      return route.variantId
        ? `product:${route.handle}:${route.variantId}`
        : `product:${route.handle}`;
    case 'page':
      return `${route.type}:${route.handle}`;
    case 'placeholder':
      return `placeholder:${route.kind}:${route.hue}`;
    case 'asset':
      return `asset:${route.file}`;
    case 'redirect':
      return `redirect:${route.to}`;
    case 'not-found':
      return 'not-found';
    default:
      return route.type;
  }
}
