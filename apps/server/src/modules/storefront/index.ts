/**
 * Storefront websites: host routing, Liquid rendering with caching, site versions
 * (publish / rollback / preview) and the seed content of a new store.
 */
export { siteVersions, sites, type SiteActor } from './storefront.table.js';
export { createStorefrontUrlRewriter, hostnameOf, storeLabelOf } from './host-routing.js';
export {
  createStorefrontCache,
  type StorefrontCache,
  type StorefrontCacheOptions,
} from './storefront-cache.js';
export {
  publishSite,
  publishSites,
  type PublishedVersion,
  type SiteToPublish,
} from './publish-site.js';
export { rollbackSite } from './rollback-site.js';
export { getSiteState } from './get-site-state.js';
export { saveSiteDraft } from './save-site-draft.js';
export { createPreviewLink } from './create-preview-link.js';
export { createPreviewToken, verifyPreviewToken } from './preview-token.js';
export { websiteUrlFor } from './website-url.js';
export { renderStorefront } from './render-storefront.js';
export {
  createRenderPool,
  RenderBusyError,
  type RenderStats,
  type ThemeRenderer,
} from './render-pool.js';
export { loadStoreEntry } from './resolve-store.js';
export { RENDER_LIMITS } from './theme-engine.js';
export { seedStoreContent, upsertStoreProfile, createStoreProfiles } from '../stores/index.js';
