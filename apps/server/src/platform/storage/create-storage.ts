import type { Config } from '../config.js';
import { createLocalDiskStorage } from './local-disk-storage.js';
import { createS3Storage } from './s3-storage.js';
import type { Storage } from './storage.js';

/** The storage MEDIA_STORAGE selects: local disk under DATA_DIR/media, or an S3 bucket. */
export function createStorage(config: Config['media']['storage']): Storage {
  return config.kind === 's3' ? createS3Storage(config) : createLocalDiskStorage(config.dir);
}
