export { storeProfiles } from './store-profiles.table.js';

export { pages, menus, type MenuItem } from './content.table.js';
export { seedStoreContent } from './seed-store-content.js';
export { upsertStoreProfile, createStoreProfiles } from './upsert-store-profile.js';
export { subscribeNewsletter, isEmailAddress } from './subscribe-newsletter.js';
export { getStoreSettings, updateStoreSettings } from './store-settings.js';
