import type { Db } from '../../platform/database/index.js';
import type { Authenticator } from '../../platform/http/guards.js';
import type { Logger } from '../../platform/logger.js';
import type { Storage } from '../../platform/storage/storage.js';

/** What the media module's use-cases and job need from the composition root. */
export interface MediaDeps {
  db: Db;
  storage: Storage;
  logger: Logger;
  limits: {
    /** Largest accepted upload (MEDIA_MAX_UPLOAD_BYTES). */
    maxUploadBytes: number;
    /** Decoded pixels an image may have (sharp `limitInputPixels`). */
    maxInputPixels: number;
  };
}

/** The routes need to check sessions too (AppContext's `sessions` satisfies it). */
export type MediaRoutesDeps = MediaDeps & { sessions: Authenticator };
