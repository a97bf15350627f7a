export { media, type MediaRow } from './media.table.js';
export type { MediaDeps } from './media.deps.js';
export { getStorageUsage } from './get-storage-usage.js';
export { PROCESS_MEDIA_TASK, createProcessMediaHandler } from './process-media.js';
export { findMediaByIds } from './list-media.js';
export { mediaPaths } from './media.dto.js';
