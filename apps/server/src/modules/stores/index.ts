export { storeProfiles } from './store-profiles.table.js';

export { pages, menus, type MenuItem, type StoredMenuItem } from './content.table.js';
export { seedStoreContent } from './seed-store-content.js';
export { upsertStoreProfile, createStoreProfiles } from './upsert-store-profile.js';
export { subscribeNewsletter, isEmailAddress } from './subscribe-newsletter.js';
export { getStoreSettings, updateStoreSettings } from './store-settings.js';
export { storefrontMenusSql } from './menu-links.js';
export type { StoresDeps } from './stores.deps.js';
