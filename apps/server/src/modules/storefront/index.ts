/**
 * Storefront websites: host routing, Liquid rendering with caching, site versions
 * (publish / rollback / preview) and the seed content of a new store.
 */
export { siteVersions, sites, type SiteActor } from './storefront.table.js';
export { createStorefrontUrlRewriter, hostnameOf, storeLabelOf } from './http/host-routing.js';
export {
  createStorefrontCache,
  type StorefrontCache,
  type StorefrontCacheOptions,
} from './storefront-cache.js';
export { followStorefrontEvents, type StorefrontInvalidation } from './follow-events.js';
export {
  publishSite,
  publishSites,
  type PublishedVersion,
  type SiteToPublish,
} from './sites/publish-site.js';
export { rollbackSite } from './sites/rollback-site.js';
export { getSiteState } from './sites/get-site-state.js';
export { saveSiteDraft } from './sites/save-site-draft.js';
export { createPreviewLink } from './sites/create-preview-link.js';
export { createPreviewToken, verifyPreviewToken } from './sites/preview-token.js';
export { websiteUrlFor } from './http/website-url.js';
export { renderStorefront } from './render/render-storefront.js';
export { storeContentQuery } from './render/load-store-content.js';
export {
  createRenderPool,
  RenderBusyError,
  type RenderStats,
  type ThemeRenderer,
} from './render/render-pool.js';
export { loadStoreEntry } from './http/resolve-store.js';
export { RENDER_LIMITS } from './render/theme-engine.js';
