/**
 * Renders one storefront response (page, sitemap, robots, stylesheet, asset or placeholder
 * image) for a resolved store and site. Pure with respect to HTTP: the caller decides caching
 * and headers. Reads and page data are built here; Liquid runs on the render pool's workers
 * (ADR 012). Theme failures surface as ThemeRenderError, a full pool as RenderBusyError.
 */
import type { Db } from '../../../platform/database/index.js';
import {
  canonicalUrl,
  categoryDrop,
  menusDrop,
  storeUrl,
  type LinkContext,
} from './liquid-data.js';
import { loadStoreContent, type StoreContent } from './load-store-content.js';
import { pageGlobals, sitemap, type MessageRoute } from './page-globals.js';
import { faviconSvg, placeholderSvg } from './placeholder-image.js';
import type { SiteView, StoreEntry } from '../http/resolve-store.js';
import type { StoreRoute } from '../http/store-paths.js';
import { BASE_STYLESHEET_FILE } from './base-stylesheet.js';
import { ENGINE_ASSETS } from './engine-assets.js';
import { cssVariables } from './theme-css.js';
import type { ThemeRenderer } from './render-pool.js';

export interface RenderedResponse {
  status: number;
  contentType: string;
  body: string;
  /** `asset`: may be cached by browsers for long when the URL is versioned. */
  kind: 'page' | 'asset';
}

const HTML = 'text/html; charset=utf-8';
const ASSET_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export type { MessageRoute };

export interface RenderRequest {
  db: Db;
  renderer: ThemeRenderer;
  store: StoreEntry;
  site: SiteView;
  route: StoreRoute | MessageRoute;
  links: Omit<LinkContext, 'currency' | 'locale'>;
  isPreview: boolean;
  /** The route's content when it was already read (with the store entry). */
  content?: StoreContent;
  /** See ThemePageRender.skipIf. */
  skipRenderIf?: () => boolean;
}

export async function renderStorefront(request: RenderRequest): Promise<RenderedResponse> {
  const { route, site } = request;
  switch (route.type) {
    case 'placeholder':
      return {
        status: 200,
        contentType: 'image/svg+xml',
        body: placeholderSvg(route.kind, route.hue),
        kind: 'asset',
      };
    case 'favicon':
      return {
        status: 200,
        contentType: 'image/svg+xml',
        body: faviconSvg(request.store.name, String(site.settings.colors.primary ?? '#111111')),
        kind: 'asset',
      };
    case 'stylesheet':
      return {
        status: 200,
        contentType: ASSET_TYPES.css!,
        body:
          cssVariables(site.theme.configSchema, site.settings) +
          (site.theme.templates['assets/theme.css'] ?? ''),
        kind: 'asset',
      };
    case 'asset': {
      const source = ENGINE_ASSETS.get(route.file) ?? site.theme.templates[`assets/${route.file}`];
      const type = ASSET_TYPES[route.file.split('.').pop() ?? ''];
      if (source === undefined || !type) {
        return {
          status: 404,
          contentType: 'text/plain; charset=utf-8',
          body: 'Not found',
          kind: 'asset',
        };
      }
      return { status: 200, contentType: type, body: source, kind: 'asset' };
    }
    case 'robots':
      return {
        status: 200,
        contentType: ASSET_TYPES.txt!,
        body: request.isPreview
          ? 'User-agent: *\nDisallow: /\n'
          : `User-agent: *\nAllow: /\n\nSitemap: ${request.links.canonicalRoot}sitemap.xml\n`,
        kind: 'page',
      };
    default:
      return renderContentPage(request);
  }
}

/** Whether a route's response is rendered by the theme's Liquid (and can fail with it). */
export function rendersTheme(route: StoreRoute | MessageRoute) {
  switch (route.type) {
    case 'placeholder':
    case 'favicon':
    case 'stylesheet':
    case 'asset':
    case 'robots':
    case 'sitemap':
      return false;
    default:
      return true;
  }
}

async function renderContentPage(request: RenderRequest): Promise<RenderedResponse> {
  const { store, site, route } = request;
  const content =
    (route.type !== 'message' ? request.content : undefined) ??
    (await loadStoreContent({
      db: request.db,
      tenantId: store.tenantId,
      route: route.type === 'message' ? { type: 'not-found', path: '' } : route,
    }));
  const links: LinkContext = {
    ...request.links,
    currency: content.profile?.currency ?? 'USD',
    locale: content.profile?.locale ?? 'en-US',
    shopEmail: content.profile?.contactEmail || undefined,
  };
  if (route.type === 'sitemap') {
    return {
      status: 200,
      contentType: 'application/xml; charset=utf-8',
      body: sitemap(links, content),
      kind: 'page',
    };
  }
  const page = pageGlobals(links, content, route);
  const name = content.profile?.name ?? store.name;
  const shop = shopDrop(links, content, name);
  const globals = {
    ...page.data,
    shop,
    store: shop,
    settings: site.settings,
    theme: { name: site.theme.name, key: site.theme.key },
    routes: {
      root_url: storeUrl(links, '/'),
      all_products_url: storeUrl(links, '/collections/all'),
      assets_url: `${links.base}/assets`,
      base_stylesheet_url: `${links.base}/assets/${BASE_STYLESHEET_FILE}?v=${site.theme.assetVersion}`,
      stylesheet_url: `${links.base}/assets/theme.css?v=${site.key}`,
      favicon_url: `${links.base}/assets/favicon.svg?v=${site.key}`,
      contact_url: storeUrl(links, '/pages/contact'),
      newsletter_url: storeUrl(links, '/newsletter'),
    },
    menus: menusDrop(links, content),
    collections: content.categories.map((c) => categoryDrop(links, c)),
    template: page.template,
    request: { path: page.template === '404' ? '' : links.currentPath, page_type: page.template },
    page_title: page.title ? `${page.title} — ${name}` : name,
    page_description: page.description || content.profile?.tagline || `Welcome to ${name}`,
    canonical_url: canonicalUrl(links, page.canonicalPath),
    og: { type: page.ogType, image: page.ogImage },
    preview: request.isPreview,
    year: new Date().getUTCFullYear(),
  };
  const body = await request.renderer.render(store.tenantId, {
    theme: site.theme,
    page: page.template,
    globals,
    skipIf: request.skipRenderIf,
  });
  const status = route.type === 'message' ? route.status : page.template === '404' ? 404 : 200;
  return { status, contentType: HTML, body, kind: 'page' };
}

function shopDrop(links: LinkContext, content: StoreContent, name: string) {
  const profile = content.profile;
  return {
    name,
    logo_text: profile?.logoText || name,
    tagline: profile?.tagline ?? '',
    email: profile?.contactEmail ?? '',
    currency: links.currency,
    locale: links.locale,
    language: links.locale.split('-')[0] || 'en',
    url: links.canonicalRoot,
  };
}
