import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { MediaItem } from '@orbit360/contracts';
import { leaveTenantScope, withTenant } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { enqueueJob } from '../../platform/queue.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { storageLimitBytes, usedStorageBytes } from './get-storage-usage.js';
import { mediaKeys } from './media-keys.js';
import type { MediaDeps } from './media.deps.js';
import { toMediaItem } from './media.dto.js';
import { media } from './media.table.js';
import { PROCESS_MEDIA_TASK } from './process-media.js';
import { sniffImage } from './sniff-image.js';

/** Attempts of the processing job (storage errors are retried; a bad image fails at once). */
const PROCESS_MAX_ATTEMPTS = 5;

/**
 * Stores an uploaded image and queues its resizing. The bytes are sniffed first (only real
 * JPEG/PNG/WebP/AVIF/GIF pass); the original is written to storage, then — under the tenant's
 * storage lock, so concurrent uploads cannot overshoot the plan — the limit is checked, the
 * row inserted and the `media.process` job added in one transaction. A refused upload's file
 * is removed again.
 */
export async function uploadMedia(options: {
  deps: Pick<MediaDeps, 'db' | 'storage' | 'limits'>;
  tenantId: string;
  actor: AuditEntry['actor'];
  bytes: Buffer;
}): Promise<MediaItem> {
  const { deps, tenantId, bytes } = options;
  const image = await sniffImage(bytes, deps.limits.maxInputPixels);
  const limit = await storageLimitBytes(deps.db, tenantId);
  const id = randomUUID();
  const originalKey = mediaKeys.original(tenantId, id);
  await deps.storage.put(originalKey, bytes);
  try {
    return await withTenant(deps.db, tenantId, async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`media-storage:${tenantId}`}, 0))`,
      );
      if (limit !== null) {
        const used = await usedStorageBytes(tx);
        if (used + bytes.length > limit) {
          throw new AppError('PLAN_LIMIT_REACHED', "The plan's storage is full", {
            resource: 'storage',
            limit,
            used,
          });
        }
      }
      const [row] = await tx
        .insert(media)
        .values({ tenantId, id, originalKey, bytes: bytes.length, ...image })
        .returning();
      // The queue is a platform table: the job is added after leaving the tenant role.
      await leaveTenantScope(tx);
      await recordAudit(tx, {
        actor: options.actor,
        action: 'media.uploaded',
        target: { type: 'media', id },
        tenantId,
        data: { bytes: bytes.length, mimeType: image.mimeType },
      });
      await enqueueJob(tx, {
        task: PROCESS_MEDIA_TASK,
        payload: { tenantId, mediaId: id },
        jobKey: `media:${id}`,
        maxAttempts: PROCESS_MAX_ATTEMPTS,
      });
      return toMediaItem(row!);
    });
  } catch (error) {
    await deps.storage.delete(originalKey);
    throw error;
  }
}
