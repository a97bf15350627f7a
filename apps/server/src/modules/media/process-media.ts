import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { MEDIA_WIDTHS, type MediaSize } from '@orbit360/contracts';
import { leaveTenantScope, withTenant, isUuid } from '../../platform/database/index.js';
import type { JobHandler } from '../../platform/queue.js';
import { publishEvent } from '../realtime/index.js';
import { mediaKeys } from './media-keys.js';
import type { MediaDeps } from './media.deps.js';
import { media, type MediaRow } from './media.table.js';

/**
 * The `media.process` job: makes the resized WebP copies of one uploaded image, then marks it
 * `ready` (or `failed`) and publishes `media.ready` / `media.failed` in the same transaction.
 *
 * Idempotent: the copies are a pure function of the original (same bytes on every run) and
 * each is written whole under its fixed key, so a second run — or a run after a crash midway
 * — rewrites the same files and reaches the same final status. An item already final, or
 * deleted, is left alone. An image libvips cannot decode is a final `failed` (not retried);
 * storage errors throw and are retried by the queue.
 */
export const PROCESS_MEDIA_TASK = 'media.process';

/** Images resized at once per process: each decoded 4000×3000 image holds ~48 MB. */
const RESIZE_CONCURRENCY = 2;
/** Quality of the WebP copies. */
const WEBP_QUALITY = 80;

export class ImageDecodeError extends Error {}

/** The widths to make for an image `width` px wide: never upscaled; a tiny image gets one copy. */
export function widthsFor(width: number): number[] {
  const widths = MEDIA_WIDTHS.filter((w) => w <= width);
  return widths.length ? widths : [width];
}

/** One resized copy (first frame of an animated image, EXIF orientation applied). */
export async function resizeToWebp(options: {
  original: Buffer;
  width: number;
  maxInputPixels: number;
}): Promise<{ data: Buffer; size: MediaSize }> {
  try {
    const { data, info } = await sharp(options.original, {
      limitInputPixels: options.maxInputPixels,
    })
      .autoOrient()
      .resize({ width: options.width, withoutEnlargement: true })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return { data, size: { width: info.width, height: info.height, bytes: data.length } };
  } catch (error) {
    throw new ImageDecodeError((error as Error).message);
  }
}

function createLimiter(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function limited<T>(work: () => Promise<T>): Promise<T> {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** A short, client-safe reason (libvips messages name no paths: the input is a buffer). */
const failureMessage = (error: ImageDecodeError) =>
  `The image could not be read: ${error.message.split('\n')[0]!.slice(0, 200)}`;

export function createProcessMediaHandler(
  deps: Pick<MediaDeps, 'db' | 'storage' | 'logger' | 'limits'>,
): JobHandler {
  const limited = createLimiter(RESIZE_CONCURRENCY);
  const { db, storage } = deps;

  /** Writes each copy whole under its fixed key (a rerun rewrites the same bytes). */
  async function makeSizes(item: MediaRow, original: Buffer): Promise<MediaSize[]> {
    const made: MediaSize[] = [];
    for (const width of widthsFor(item.width)) {
      const copy = await resizeToWebp({
        original,
        width,
        maxInputPixels: deps.limits.maxInputPixels,
      });
      await storage.put(mediaKeys.size(item.tenantId, item.id, width), copy.data);
      made.push(copy.size);
    }
    return made;
  }

  /** Deleted while it was being processed: the copies just written belong to nothing. */
  async function removeIfDeleted(item: MediaRow, sizes: MediaSize[]) {
    const [still] = await withTenant(db, item.tenantId, (tx) =>
      tx.select({ id: media.id }).from(media).where(eq(media.id, item.id)),
    );
    if (still) return;
    await Promise.all(
      sizes.map((s) => storage.delete(mediaKeys.size(item.tenantId, item.id, s.width))),
    );
  }

  async function finish(
    tenantId: string,
    mediaId: string,
    result: { sizes: MediaSize[] } | { error: string },
  ) {
    return withTenant(db, tenantId, async (tx) => {
      const isReady = 'sizes' in result;
      const [row] = await tx
        .update(media)
        .set(
          isReady
            ? {
                status: 'ready',
                sizes: result.sizes,
                derivedBytes: result.sizes.reduce((sum, s) => sum + s.bytes, 0),
                error: null,
                updatedAt: new Date(),
              }
            : { status: 'failed', error: result.error, updatedAt: new Date() },
        )
        .where(and(eq(media.id, mediaId), eq(media.status, 'processing')))
        .returning({ id: media.id });
      if (!row) return false;
      await leaveTenantScope(tx);
      if (isReady) {
        const widths = result.sizes.map((s) => s.width);
        await publishEvent(tx, 'media.ready', { mediaId, widths }, { tenantId });
      } else {
        await publishEvent(tx, 'media.failed', { mediaId, message: result.error }, { tenantId });
      }
      return true;
    });
  }

  return async (payload, job) => {
    const { tenantId, mediaId } = payload as { tenantId?: unknown; mediaId?: unknown };
    if (!isUuid(tenantId) || !isUuid(mediaId)) return;
    const [item] = await withTenant(db, tenantId, (tx) =>
      tx.select().from(media).where(eq(media.id, mediaId)),
    );
    if (!item || item.status !== 'processing') return;
    const original = await storage.get(item.originalKey);
    if (!original) {
      await finish(tenantId, mediaId, { error: 'The original file is missing from storage' });
      return;
    }
    let sizes: MediaSize[];
    try {
      sizes = await limited(() => {
        // Waited for a slot while the worker began to stop: give the job back (another
        // instance, or this one after restart, takes it up).
        if (job.stopping.aborted) throw new Error('worker stopping: media job given back');
        return makeSizes(item, original);
      });
    } catch (error) {
      if (!(error instanceof ImageDecodeError)) throw error;
      deps.logger.warn(
        { tenantId, mediaId, reason: error.message },
        'media could not be processed',
      );
      await finish(tenantId, mediaId, { error: failureMessage(error) });
      return;
    }
    if (!(await finish(tenantId, mediaId, { sizes }))) await removeIfDeleted(item, sizes);
  };
}
