import type { Db } from '../../platform/database/index.js';
import type { Logger } from '../../platform/logger.js';
import type { Storage } from '../../platform/storage/storage.js';

/** What the media module needs from the composition root (and nothing more). */
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

/** Where a media item's files live in storage: `<tenant>/<id>/original`, `<tenant>/<id>/<w>.webp`. */
export const mediaKeys = {
  original: (tenantId: string, id: string) => `media/${tenantId}/${id}/original`,
  size: (tenantId: string, id: string, width: number) => `media/${tenantId}/${id}/${width}.webp`,
};
