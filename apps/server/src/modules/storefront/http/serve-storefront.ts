/**
 * Storefront request handlers: store resolution → status gate (coming soon, unavailable) →
 * preview or cached render → response with ETag/304. A cache hit does no I/O at all.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StorefrontDeps } from '../storefront.deps.js';
import { isEmailAddress, subscribeNewsletter } from '../../stores/index.js';
import { isStoreHostRequest, isValidSlug } from './host-routing.js';
import { storeUrl, type LinkContext } from '../render/liquid-data.js';
import { verifyPreviewToken } from '../sites/preview-token.js';
import { RenderBusyError, RenderSkippedError } from '../render/render-pool.js';
import { renderStorefront, rendersTheme, type RenderRequest } from '../render/render-storefront.js';
import {
  loadPreviewSite,
  loadStoreEntry,
  type SiteView,
  type StoreEntry,
} from './resolve-store.js';
import { CACHE_CONTROL, storefrontHeaders } from './response-headers.js';
import type { CachedResponse } from '../storefront-cache.js';
import { parseStorePath, routeKey, type StoreRoute } from './store-paths.js';
import {
  brokenThemePage,
  comingSoonPage,
  unavailablePage,
  unknownStorePage,
} from './system-pages.js';
import { ThemeRenderError } from '../render/theme-engine.js';
import type { StoreContent } from '../render/load-store-content.js';
import { websiteUrlFor } from './website-url.js';

/** How long a store whose theme failed is answered from cache before rendering is retried. */
const BROKEN_RETRY_SECONDS = 30;
/** Retry-After of a 503 when the store's renders (or the whole pool) are busy. */
const BUSY_RETRY_SECONDS = 1;

type Links = Omit<LinkContext, 'currency' | 'locale'>;

/** Routes whose page reads the store's content (the others are assets and fixed files). */
const CONTENT_FREE_ROUTES = new Set(['placeholder', 'favicon', 'stylesheet', 'asset', 'robots']);

/** What a storefront request addresses: parsed once per request, kept on `request.storefront`. */
export interface StorefrontTarget {
  slug: string;
  /** The path inside the store (`/`, `/products/x`), without the `/store/<slug>` prefix. */
  path: string;
  query: Record<string, unknown>;
  route: StoreRoute;
  onStoreHost: boolean;
  /** The resolved store, once known (null: no such store). */
  store?: StoreEntry | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the storefront routes only (decorated in storefront.routes.ts). */
    storefront: StorefrontTarget | null;
  }
}

/** The request's storefront target, parsed on first use. */
export function storefrontTargetOf(request: FastifyRequest): StorefrontTarget {
  if (request.storefront) return request.storefront;
  const params = request.params as { slug: string; '*'?: string };
  const query = request.query as Record<string, unknown>;
  const path = `/${params['*'] ?? ''}`;
  const target: StorefrontTarget = {
    slug: params.slug.toLowerCase(),
    path,
    query,
    route: parseStorePath(path, query),
    onStoreHost: isStoreHostRequest(request.raw),
  };
  request.storefront = target;
  return target;
}

interface StoreRequest {
  store: StoreEntry;
  /** The page's content, read with the store entry when this request resolved the store. */
  prefetched?: { route: StoreRoute; content: StoreContent };
  isPreview: boolean;
  previewVersionId?: string;
  onStoreHost: boolean;
  links: Links;
  route: StoreRoute;
  path: string;
  query: Record<string, unknown>;
}

function matchesEtag(header: string | undefined, etag: string) {
  if (!header) return false;
  if (header === etag || header === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function expectedAssetVersion(route: StoreRoute, site: SiteView) {
  if (route.type === 'stylesheet' || route.type === 'favicon') return site.key;
  if (route.type === 'asset') return site.theme.assetVersion;
  return undefined;
}

export function createStorefrontHandlers(ctx: StorefrontDeps) {
  const cache = ctx.storefront;
  const headers = storefrontHeaders(ctx.config);

  function sendSystem(reply: FastifyReply, status: number, html: string, retryAfter?: number) {
    reply.code(status).headers(headers.system);
    if (retryAfter) reply.header('retry-after', String(retryAfter));
    return reply.send(html);
  }

  async function produce(
    render: Omit<RenderRequest, 'db' | 'renderer'>,
    cacheControl: string,
    failureKey?: string,
  ): Promise<{ response: CachedResponse; cacheable: boolean; storeAs?: string }> {
    const now = Date.now();
    const failed = () => (failureKey !== undefined ? cache.getPage(failureKey) : undefined);
    try {
      const rendered = await renderStorefront({
        ...render,
        db: ctx.db,
        renderer: ctx.renderer,
        // A miss that waited for a worker while the store's theme failed answers that failure.
        skipRenderIf: () => failed() !== undefined,
      });
      const body = Buffer.from(rendered.body);
      const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
      const response: CachedResponse = {
        status: rendered.status,
        body,
        etag,
        headers: {
          ...(render.links.base ? headers.themeAtPath(render.store.slug) : headers.theme),
          'content-type': rendered.contentType,
          'cache-control': cacheControl,
          etag,
          ...(render.isPreview ? { 'x-robots-tag': 'noindex' } : {}),
        },
        expiresAt: now + cache.pageTtlMs,
      };
      return { response, cacheable: true };
    } catch (error) {
      const known = error instanceof RenderSkippedError ? failed() : undefined;
      if (known) return { response: known, cacheable: false };
      if (error instanceof RenderBusyError || error instanceof RenderSkippedError) {
        const response: CachedResponse = {
          status: 503,
          body: Buffer.from(brokenThemePage(render.store.name)),
          etag: '',
          headers: { ...headers.system, 'retry-after': String(BUSY_RETRY_SECONDS) },
          expiresAt: now,
        };
        return { response, cacheable: false };
      }
      if (!(error instanceof ThemeRenderError)) throw error;
      // Logged once per failing store and site version: the failure is then answered from
      // the cache for BROKEN_RETRY_SECONDS, whatever page of the store is asked for.
      ctx.logger.warn(
        {
          tenantId: render.store.tenantId,
          theme: render.site.theme.key,
          template: error.template,
          reason: error.message,
        },
        'storefront theme failed to render',
      );
      const response: CachedResponse = {
        status: 503,
        body: Buffer.from(brokenThemePage(render.store.name)),
        etag: '',
        headers: { ...headers.system, 'retry-after': String(BROKEN_RETRY_SECONDS) },
        expiresAt: now + BROKEN_RETRY_SECONDS * 1000,
      };
      return { response, cacheable: true, storeAs: failureKey };
    }
  }

  function send(request: FastifyRequest, reply: FastifyReply, response: CachedResponse) {
    if (response.etag && matchesEtag(request.headers['if-none-match'], response.etag)) {
      return reply
        .code(304)
        .headers({ etag: response.etag, 'cache-control': response.headers['cache-control']! })
        .send();
    }
    return reply.code(response.status).headers(response.headers).send(response.body);
  }

  /**
   * The store of a slug — cached, or loaded (once for concurrent requests) together with the
   * content of the page `route` is about to render.
   */
  async function resolve(slug: string, route: StoreRoute) {
    const cached = cache.peekStore(slug);
    if (cached !== undefined) return { store: cached };
    if (!isValidSlug(slug)) return { store: null };
    let prefetched: StoreRequest['prefetched'];
    const wantsContent = !CONTENT_FREE_ROUTES.has(route.type);
    const store = await cache.resolveStore(slug, async () => {
      const loaded = await loadStoreEntry({
        db: ctx.db,
        themes: cache.themes,
        slug,
        route: wantsContent ? route : undefined,
      });
      if (loaded?.content) prefetched = { route, content: loaded.content };
      return loaded?.entry ?? null;
    });
    return { store, prefetched };
  }

  /**
   * The store a request addresses, or null when a system page (unknown / not live) was sent.
   * (Never the reply itself: a Fastify reply is thenable, so `await` would unwrap it.)
   */
  async function storeRequest(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<StoreRequest | null> {
    const target = storefrontTargetOf(request);
    const { slug, path, query, onStoreHost } = target;
    const { store, prefetched } = await resolve(slug, target.route);
    target.store = store;
    if (!store) {
      sendSystem(reply, 404, unknownStorePage());
      return null;
    }
    const claims = query.preview
      ? verifyPreviewToken(ctx.secrets.preview, query.preview)
      : undefined;
    const isPreview = claims?.tenantId === store.tenantId;
    // A preview shows a store being set up (the provisioning self-check), never a suspended one.
    if (store.status === 'suspended') {
      sendSystem(reply, 503, unavailablePage(store.name), 3600);
      return null;
    }
    if (!isPreview && store.status === 'provisioning') {
      sendSystem(reply, 503, comingSoonPage(store.name), 120);
      return null;
    }
    return {
      store,
      route: target.route,
      prefetched,
      isPreview,
      previewVersionId: claims?.versionId,
      onStoreHost,
      path,
      query,
      links: {
        base: onStoreHost ? '' : `/store/${slug}`,
        canonicalRoot: websiteUrlFor(ctx.config, slug),
        previewToken: isPreview ? (query.preview as string) : undefined,
        currentPath: path.length > 1 ? path.replace(/\/+$/, '') : path,
      },
    };
  }

  async function previewSite(target: StoreRequest) {
    // Site versions never change: previewing the live one (the provisioning self-check does)
    // needs nothing the store entry does not already hold.
    const live = target.store.site;
    if (target.previewVersionId && target.previewVersionId === live.versionId) return live;
    return loadPreviewSite({
      db: ctx.db,
      themes: cache.themes,
      tenantId: target.store.tenantId,
      versionId: target.previewVersionId,
      fallback: target.store.site,
    });
  }

  async function servePage(request: FastifyRequest, reply: FastifyReply, target: StoreRequest) {
    const { store, links, isPreview } = target;
    const { route } = target;
    if (route.type === 'redirect') {
      const to = storeUrl({ ...links, currency: '', locale: '' }, route.to);
      return reply.header('cache-control', CACHE_CONTROL.page).redirect(to, 301);
    }
    // The route was parsed once, before the store was resolved with this page's content.
    const content = target.prefetched?.content;
    if (isPreview) {
      const site = await previewSite(target);
      const render = { store, site, route, links, isPreview, content };
      const { response } = await produce(render, CACHE_CONTROL.preview);
      return send(request, reply, response);
    }
    const site = store.site;
    const { key, isVersioned } = pageKey(store, route, target.onStoreHost, target.query);
    const failureKey = rendersTheme(route) ? brokenKey(store, target.onStoreHost) : undefined;
    const response =
      cache.getPage(key) ??
      (failureKey !== undefined ? cache.getPage(failureKey) : undefined) ??
      (await cache.renderPage(key, () =>
        produce(
          { store, site, route, links, isPreview, content },
          isVersioned ? CACHE_CONTROL.immutable : CACHE_CONTROL.page,
          failureKey,
        ),
      ));
    return send(request, reply, response);
  }

  /** Where a store's theme failure is kept: per site version (and host mode), not per page. */
  function brokenKey(store: StoreEntry, onStoreHost: boolean) {
    return `${cache.generationOf(store.tenantId)}|${store.site.key}|${onStoreHost ? 'h' : 'p'}|!broken`;
  }

  function pageKey(
    store: StoreEntry,
    route: StoreRoute,
    onStoreHost: boolean,
    query: Record<string, unknown>,
  ) {
    const version = expectedAssetVersion(route, store.site);
    const isVersioned =
      route.type === 'placeholder' || (version !== undefined && query.v === version);
    const key = `${cache.generationOf(store.tenantId)}|${store.site.key}|${onStoreHost ? 'h' : 'p'}|${routeKey(route)}|${isVersioned ? 'v' : ''}`;
    return { key, isVersioned };
  }

  /**
   * The hot path, synchronous: a live store and a cached page answer without a single await.
   * Anything else (miss, preview, redirect, not live) returns undefined for the full path.
   */
  function serveCached(request: FastifyRequest, reply: FastifyReply) {
    const { slug, query, route, onStoreHost } = storefrontTargetOf(request);
    if (query.preview !== undefined) return undefined;
    const store = cache.peekStore(slug);
    if (!store || store.status !== 'live') return undefined;
    if (route.type === 'redirect') return undefined;
    const { key } = pageKey(store, route, onStoreHost, query);
    const response =
      cache.getPage(key) ??
      (rendersTheme(route) ? cache.getPage(brokenKey(store, onStoreHost)) : undefined);
    return response ? send(request, reply, response) : undefined;
  }

  async function subscribe(request: FastifyRequest, reply: FastifyReply, target: StoreRequest) {
    const field = (request.body as Record<string, unknown> | undefined)?.email;
    const email = typeof field === 'string' ? field.trim() : '';
    const isValid = isEmailAddress(email);
    // A public form that writes: one client signs up a bounded number of addresses.
    const limitKey = request.ip;
    const retryAfter = await ctx.newsletterLimiter.retryAfter(limitKey);
    if (isValid && !retryAfter) {
      await ctx.newsletterLimiter.record(limitKey);
      await subscribeNewsletter({ db: ctx.db, tenantId: target.store.tenantId, email });
    }
    const site = target.isPreview ? await previewSite(target) : target.store.site;
    const route = retryAfter
      ? {
          type: 'message' as const,
          status: 429,
          title: 'Please try again later',
          text: 'Too many sign-ups came from your connection just now. Please try again in a few minutes.',
        }
      : isValid
        ? {
            type: 'message' as const,
            status: 200,
            title: 'You are on the list',
            text: 'Thank you for subscribing. We will write to you with new arrivals and news from the shop.',
          }
        : {
            type: 'message' as const,
            status: 400,
            title: 'Please check your email address',
            text: 'That does not look like a valid email address. Please go back and try again.',
          };
    const render = {
      store: target.store,
      site,
      route,
      links: target.links,
      isPreview: target.isPreview,
    };
    const { response } = await produce(render, CACHE_CONTROL.none);
    if (retryAfter) reply.header('retry-after', String(retryAfter));
    return send(request, reply, response);
  }

  function handler(
    serve: (request: FastifyRequest, reply: FastifyReply, target: StoreRequest) => Promise<unknown>,
  ) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const target = await storeRequest(request, reply);
        if (!target) return reply;
        return await serve(request, reply, target);
      } catch (error) {
        request.log.error({ err: error }, 'storefront request failed');
        return sendSystem(reply, 503, brokenThemePage('This shop'), 10);
      }
    };
  }

  const page = handler(servePage);
  return {
    page: (request: FastifyRequest, reply: FastifyReply) =>
      serveCached(request, reply) ?? page(request, reply),
    subscribe: handler(subscribe),
  };
}
