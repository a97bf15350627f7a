/**
 * The storefront's in-memory caches, one instance per process (`ctx.storefront`):
 *  - stores: slug → resolved store (tenant, status, live site), so a hit never touches the DB;
 *  - pages: rendered responses, LRU-bounded by bytes, keyed by tenant generation + site key +
 *    route (see storefront.routes.ts), each with a TTL as a safety net;
 *  - themes: compiled Liquid themes.
 * Invalidation is O(1) and idempotent: a tenant's generation is bumped (its old page keys can
 * no longer be produced and age out of the LRU) and its store entry dropped.
 */
import { followStorefrontEvents, type EventSource } from './follow-events.js';
import type { StoreEntry } from './http/resolve-store.js';
import { createThemeRegistry, type ThemeRegistry } from './render/theme-registry.js';

export interface CachedResponse {
  status: number;
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
  expiresAt: number;
}

export interface StorefrontCacheOptions {
  /** Total bytes of rendered pages kept (0 disables page caching). Default 64 MiB. */
  maxPageBytes?: number;
  /** Lifetime of a cached page, ms. Default 5 minutes. */
  pageTtlMs?: number;
  /** Lifetime of a resolved live store, ms (invalidation usually comes first). Default 60 s. */
  liveStoreTtlMs?: number;
  /** Lifetime of a store that is not live, or of an unknown slug, ms. Default 3 s. */
  transientTtlMs?: number;
  maxStores?: number;
  /** Share one render among concurrent misses of the same page (default true). */
  coalesce?: boolean;
}

export interface StorefrontCache {
  readonly themes: ThemeRegistry;
  /** How long a page may be served from this cache, ms. */
  readonly pageTtlMs: number;
  /** The cached store for a slug (null = known not to exist), or undefined on a miss. */
  peekStore(slug: string): StoreEntry | null | undefined;
  /** Resolves a slug through `load` once, even under concurrent misses. */
  resolveStore(slug: string, load: () => Promise<StoreEntry | null>): Promise<StoreEntry | null>;
  generationOf(tenantId: string): number;
  getPage(key: string): CachedResponse | undefined;
  /**
   * Produces a page once for concurrent misses; stores it when `produce` says cacheable, under
   * `storeAs` when given (a theme failure is kept per store and site version, not per page).
   */
  renderPage(
    key: string,
    produce: () => Promise<{ response: CachedResponse; cacheable: boolean; storeAs?: string }>,
  ): Promise<CachedResponse>;
  invalidateTenant(tenantId: string): void;
  invalidateAll(): void;
  /**
   * Follows the realtime stream (once per process, in context.ts): the only way other
   * instances' changes reach these caches. Returns the unsubscribe function.
   */
  followEvents(hub: EventSource): () => void;
  stats(): { stores: number; pages: number; pageBytes: number };
}

interface StoreSlot {
  entry: StoreEntry | null;
  expiresAt: number;
}

export function createStorefrontCache(options: StorefrontCacheOptions = {}): StorefrontCache {
  const maxPageBytes = options.maxPageBytes ?? 64 * 1024 * 1024;
  const pageTtlMs = options.pageTtlMs ?? 5 * 60_000;
  const liveStoreTtlMs = options.liveStoreTtlMs ?? 60_000;
  const transientTtlMs = options.transientTtlMs ?? 3_000;
  const maxStores = options.maxStores ?? 50_000;
  const coalesce = options.coalesce ?? true;

  const stores = new Map<string, StoreSlot>();
  const slugByTenant = new Map<string, string>();
  const generations = new Map<string, number>();
  const pendingStores = new Map<string, Promise<StoreEntry | null>>();
  const pages = new Map<string, CachedResponse>();
  const pendingPages = new Map<string, Promise<CachedResponse>>();
  let pageBytes = 0;
  /** Bumped by every invalidation; a load that started before one must not be stored. */
  let epoch = 0;
  let nextGeneration = 1;

  function dropPage(key: string) {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    pageBytes -= page.body.length;
  }

  function storePage(key: string, response: CachedResponse) {
    if (response.body.length > maxPageBytes / 8) return;
    dropPage(key);
    pages.set(key, response);
    pageBytes += response.body.length;
    for (const oldest of pages.keys()) {
      if (pageBytes <= maxPageBytes) break;
      dropPage(oldest);
    }
  }

  const themes = createThemeRegistry();
  const cache: StorefrontCache = {
    themes,
    pageTtlMs,
    peekStore(slug) {
      const slot = stores.get(slug);
      if (!slot) return undefined;
      if (slot.expiresAt > Date.now()) return slot.entry;
      stores.delete(slug);
      return undefined;
    },
    resolveStore(slug, load) {
      const pending = pendingStores.get(slug);
      if (pending) return pending;
      const startedAt = epoch;
      const promise = load()
        .then((entry) => {
          if (startedAt === epoch) {
            const ttl = entry?.status === 'live' ? liveStoreTtlMs : transientTtlMs;
            if (stores.size >= maxStores) stores.delete(stores.keys().next().value!);
            stores.set(slug, { entry, expiresAt: Date.now() + ttl });
            if (entry) slugByTenant.set(entry.tenantId, slug);
          }
          return entry;
        })
        .finally(() => {
          if (pendingStores.get(slug) === promise) pendingStores.delete(slug);
        });
      pendingStores.set(slug, promise);
      return promise;
    },
    generationOf(tenantId) {
      let generation = generations.get(tenantId);
      if (generation === undefined) {
        generation = nextGeneration++;
        generations.set(tenantId, generation);
      }
      return generation;
    },
    getPage(key) {
      const page = pages.get(key);
      if (!page) return undefined;
      if (page.expiresAt <= Date.now()) {
        dropPage(key);
        return undefined;
      }
      return page;
    },
    renderPage(key, produce) {
      const pending = coalesce ? pendingPages.get(key) : undefined;
      if (pending) return pending;
      const startedAt = epoch;
      const promise = produce()
        .then(({ response, cacheable, storeAs }) => {
          if (cacheable && maxPageBytes > 0 && startedAt === epoch) {
            storePage(storeAs ?? key, response);
          }
          return response;
        })
        .finally(() => {
          if (pendingPages.get(key) === promise) pendingPages.delete(key);
        });
      if (coalesce) pendingPages.set(key, promise);
      return promise;
    },
    invalidateTenant(tenantId) {
      epoch++;
      generations.set(tenantId, nextGeneration++);
      const slug = slugByTenant.get(tenantId);
      if (slug !== undefined) stores.delete(slug);
      pendingStores.clear();
      pendingPages.clear();
    },
    invalidateAll() {
      epoch++;
      themes.expire();
      stores.clear();
      slugByTenant.clear();
      generations.clear();
      pendingStores.clear();
      pages.clear();
      pendingPages.clear();
      pageBytes = 0;
    },
    followEvents: (hub) => followStorefrontEvents(hub, cache),
    stats: () => ({ stores: stores.size, pages: pages.size, pageBytes }),
  };
  return cache;
}
