import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { MediaItem, MediaList } from '@orbit360/contracts';
import { bearer, merchantToken, setupTestApp } from '../../../test/helpers.js';
import { createTestStore, setStoreStatus } from '../../../test/support/create-test-store.js';
import { createLogger } from '../../platform/logger.js';
import { createLocalDiskStorage } from '../../platform/storage/local-disk-storage.js';
import { startQueue } from '../../platform/queue.js';
import { plans } from '../plans/index.js';
import { events } from '../realtime/index.js';
import { tenants } from '../tenants/index.js';
import { PROCESS_MEDIA_TASK, createProcessMediaHandler } from './process-media.js';
import { findMediaByIds, getStorageUsage } from './index.js';
import { media } from './media.table.js';
import { withTenant } from '../../platform/database/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'orbit-media-'));
const MAX_UPLOAD = 8 * 1024 * 1024;

/** A multipart/form-data body with one file part, as a browser's FormData would send it. */
function multipart(bytes: Buffer, filename: string, contentType = 'image/jpeg') {
  const boundary = `----orbit${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A JPEG photo; `grain` adds noise, as a real photo has (a 4000×3000 one is then ~6 MB). */
const photo = (width: number, height: number, grain = false) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 200, g: 90, b: 40 },
      ...(grain && { noise: { type: 'gaussian' as const, mean: 128, sigma: 30 } }),
    },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#2a6"/></svg>`,
        ),
      },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();

const alphaPng = () =>
  sharp({
    create: {
      width: 600,
      height: 400,
      channels: 4,
      background: { r: 0, g: 0, b: 255, alpha: 0.5 },
    },
  })
    .png()
    .toBuffer();

/** Two 300×200 frames (white, then dark), as an animated GIF. */
const animatedGif = () =>
  sharp(Buffer.concat([Buffer.alloc(300 * 200 * 3, 0xff), Buffer.alloc(300 * 200 * 3, 0x20)]), {
    raw: { width: 300, height: 400, channels: 3, pageHeight: 200 },
  })
    .gif({ loop: 0 })
    .toBuffer();

describe('merchant media', () => {
  const t = setupTestApp({
    DATA_DIR: dataDir,
    MEDIA_MAX_UPLOAD_BYTES: String(MAX_UPLOAD),
    MEDIA_MAX_INPUT_PIXELS: '50000000',
  });
  const storage = () => createLocalDiskStorage(join(dataDir, 'media'));
  const handler = () =>
    createProcessMediaHandler({
      db: t.ctx.db,
      storage: storage(),
      logger: createLogger('silent'),
      limits: t.ctx.config.media,
    });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function merchant() {
    const store = await createTestStore(t.ctx, { publish: false, seed: false });
    const token = await merchantToken(t.ctx, {
      merchantId: store.merchantId,
      tenantId: store.tenantId,
    });
    return { ...store, token };
  }

  async function upload(token: string, bytes: Buffer, filename = 'photo.jpg', type?: string) {
    return t.app.inject({
      method: 'POST',
      url: '/api/merchant/media',
      ...(() => {
        const body = multipart(bytes, filename, type);
        return { payload: body.payload, headers: { ...body.headers, ...bearer(token) } };
      })(),
    });
  }

  const readMedia = (tenantId: string, id: string) =>
    handler()(
      { tenantId, mediaId: id },
      {
        jobId: '1',
        lockedBy: null,
        attempt: 1,
        signal: new AbortController().signal,
        stopping: new AbortController().signal,
      },
    );

  const item = async (token: string, id: string) => {
    const list = (
      await t.app.inject({ url: '/api/merchant/media', headers: bearer(token) })
    ).json<MediaList>();
    return list.items.find((i) => i.id === id);
  };

  it('a 4000×3000 JPEG: 201 processing, then the job makes four WebP sizes (run twice: same files)', async () => {
    const shop = await merchant();
    const jpeg = await photo(4000, 3000, true);
    expect(jpeg.length).toBeGreaterThan(2 * 1024 * 1024); // above the JSON body limit (1 MiB)
    const res = await upload(shop.token, jpeg, 'holiday.png', 'image/png');
    expect(res.statusCode).toBe(201);
    const created = res.json<MediaItem>();
    expect(created).toMatchObject({
      status: 'processing',
      mimeType: 'image/jpeg',
      width: 4000,
      height: 3000,
      bytes: jpeg.length,
      sizes: [],
      urls: { original: `/media/${created.id}/original` },
    });

    await readMedia(shop.tenantId, created.id);
    const ready = (await item(shop.token, created.id))!;
    expect(ready.status).toBe('ready');
    expect(ready.sizes).toEqual([
      { width: 160, height: 120, bytes: expect.any(Number) },
      { width: 480, height: 360, bytes: expect.any(Number) },
      { width: 1080, height: 810, bytes: expect.any(Number) },
      { width: 2048, height: 1536, bytes: expect.any(Number) },
    ]);
    expect(Object.keys(ready.urls.sizes)).toEqual(['160', '480', '1080', '2048']);
    const files = await Promise.all(
      [160, 480, 1080, 2048].map((w) =>
        storage().get(`media/${shop.tenantId}/${created.id}/${w}.webp`),
      ),
    );
    for (const [i, file] of files.entries()) {
      const meta = await sharp(file!).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(ready.sizes[i]!.width);
    }
    const [event] = await t.ctx.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'media.ready'), eq(events.tenantId, shop.tenantId)));
    expect(event!.data).toEqual({ mediaId: created.id, widths: [160, 480, 1080, 2048] });

    // A second run, as after a crash midway (one copy missing, one cut short): same files.
    await storage().delete(`media/${shop.tenantId}/${created.id}/480.webp`);
    await storage().put(
      `media/${shop.tenantId}/${created.id}/1080.webp`,
      files[2]!.subarray(0, 99),
    );
    await withTenant(t.ctx.db, shop.tenantId, (tx) =>
      tx.update(media).set({ status: 'processing' }).where(eq(media.id, created.id)),
    );
    await readMedia(shop.tenantId, created.id);
    const again = await Promise.all(
      [160, 480, 1080, 2048].map((w) =>
        storage().get(`media/${shop.tenantId}/${created.id}/${w}.webp`),
      ),
    );
    expect(again.every((file, i) => file!.equals(files[i]!))).toBe(true);
    expect((await item(shop.token, created.id))!.sizes).toEqual(ready.sizes);
    const original = await storage().get(`media/${shop.tenantId}/${created.id}/original`);
    expect(original!.equals(jpeg)).toBe(true);
  });

  it('PNG with alpha, AVIF, WebP and an animated GIF are accepted; small images are never upscaled', async () => {
    const shop = await merchant();
    const png = await upload(shop.token, await alphaPng(), 'a.png');
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ mimeType: 'image/png', width: 600, height: 400 });
    await readMedia(shop.tenantId, png.json<MediaItem>().id);
    const pngReady = (await item(shop.token, png.json<MediaItem>().id))!;
    expect(pngReady.sizes.map((s) => s.width)).toEqual([160, 480]);
    const webp = await storage().get(`media/${shop.tenantId}/${pngReady.id}/480.webp`);
    expect((await sharp(webp!).metadata()).hasAlpha).toBe(true);

    const base = sharp({ create: { width: 200, height: 100, channels: 3, background: '#369' } });
    const avif = await upload(shop.token, await base.clone().avif().toBuffer(), 'a.jpg');
    expect(avif.statusCode).toBe(201);
    expect(avif.json()).toMatchObject({ mimeType: 'image/avif', width: 200, height: 100 });
    const webpUpload = await upload(shop.token, await base.clone().webp().toBuffer(), 'a.gif');
    expect(webpUpload.json()).toMatchObject({ mimeType: 'image/webp', width: 200, height: 100 });
    const gif = await upload(shop.token, await animatedGif(), 'anim.gif');
    expect(gif.statusCode).toBe(201);
    expect(gif.json()).toMatchObject({ mimeType: 'image/gif', width: 300, height: 200 });
    await readMedia(shop.tenantId, gif.json<MediaItem>().id);
    const gifReady = (await item(shop.token, gif.json<MediaItem>().id))!;
    expect(gifReady.status).toBe('ready');
    expect(gifReady.sizes).toEqual([{ width: 160, height: 107, bytes: expect.any(Number) }]);
  });

  it('refuses what is not a supported image, whatever its name and type say', async () => {
    const shop = await merchant();
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/merchant/media',
      ...multipart(await alphaPng(), 'a.png'),
    });
    expect(anonymous.statusCode).toBe(401);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/merchant/media',
      headers: {
        ...bearer(shop.token),
        'content-type': 'multipart/form-data; boundary=x',
      },
      payload: '--x--\r\n',
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('VALIDATION_FAILED');
    const text = await upload(shop.token, Buffer.from('hello, I am text\n'.repeat(50)), 'x.jpg');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const svg = await upload(
      shop.token,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'),
      'x.png',
      'image/png',
    );
    expect(svg.statusCode).toBe(415);
    expect(svg.json().error.message).toMatch(/JPEG, PNG, WebP, AVIF or GIF/);
    const notMultipart = await t.app.inject({
      method: 'POST',
      url: '/api/merchant/media',
      headers: { ...bearer(shop.token), 'content-type': 'application/json' },
      payload: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('an upload over MEDIA_MAX_UPLOAD_BYTES is 413, and nothing is stored', async () => {
    const shop = await merchant();
    const res = await upload(shop.token, randomBytes(MAX_UPLOAD + 1), 'big.jpg');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { limit: MAX_UPLOAD },
    });
    const list = await t.app.inject({ url: '/api/merchant/media', headers: bearer(shop.token) });
    expect(list.json<MediaList>().total).toBe(0);
  });

  it('a decompression bomb is refused before decoding', async () => {
    const shop = await merchant();
    // 8000×8000 of one colour: a small PNG, 64 million pixels once decoded (limit here 50 M).
    const bomb = await sharp({
      create: { width: 8000, height: 8000, channels: 3, background: '#fff' },
      limitInputPixels: false,
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const res = await upload(shop.token, bomb, 'bomb.png');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'file', message: expect.stringMatching(/too many pixels/) }] },
    });
  });

  it('a corrupt image: the job marks it failed with a clear error, once, without retrying', async () => {
    const shop = await merchant();
    const jpeg = await photo(800, 600);
    // The header is intact (sniffing passes); the compressed data is garbage.
    const corrupt = Buffer.concat([jpeg.subarray(0, 400), randomBytes(jpeg.length - 400)]);
    const res = await upload(shop.token, corrupt, 'broken.jpg');
    expect(res.statusCode).toBe(201);
    const { id } = res.json<MediaItem>();
    await readMedia(shop.tenantId, id); // resolves: no throw, so the queue does not retry
    const failed = (await item(shop.token, id))!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^The image could not be read/);
    const fails = await t.ctx.db
      .select()
      .from(events)
      .where(and(eq(events.type, 'media.failed'), eq(events.tenantId, shop.tenantId)));
    expect(fails).toHaveLength(1);
    await readMedia(shop.tenantId, id);
    expect((await item(shop.token, id))!.status).toBe('failed');
  });

  it("another store's media: not listed, 404 to delete and on this store's host", async () => {
    const a = await merchant();
    const b = await merchant();
    const res = await upload(a.token, await photo(1200, 900));
    const { id } = res.json<MediaItem>();
    await readMedia(a.tenantId, id);

    expect(await withTenant(t.ctx.db, b.tenantId, (tx) => findMediaByIds(tx, [id]))).toEqual([]);
    const [own] = await withTenant(t.ctx.db, a.tenantId, (tx) => findMediaByIds(tx, [id, 'x']));
    expect(own).toMatchObject({ id, status: 'ready' });
    const listB = await t.app.inject({ url: '/api/merchant/media', headers: bearer(b.token) });
    expect(listB.json<MediaList>().items.map((i) => i.id)).not.toContain(id);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/merchant/media/${id}`,
      headers: bearer(b.token),
    });
    expect(del.statusCode).toBe(404);
    const onB = await t.app.inject({
      url: `/media/${id}/480.webp`,
      headers: { host: `${b.slug}.localhost:5000` },
    });
    expect(onB.statusCode).toBe(404);

    // On its own store's host: immutable, typed, nosniff.
    const onA = await t.app.inject({
      url: `/media/${id}/480.webp`,
      headers: { host: `${a.slug}.localhost:5000` },
    });
    expect(onA.statusCode).toBe(200);
    expect(onA.headers).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    expect((await sharp(onA.rawPayload).metadata()).width).toBe(480);
    const original = await t.app.inject({
      url: `/media/${id}/original`,
      headers: { host: `${a.slug}.localhost:5000` },
    });
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(Number(original.headers['content-length'])).toBe(original.rawPayload.length);
    expect((await sharp(original.rawPayload).metadata()).width).toBe(1200);
    const viaPath = await t.app.inject({ url: `/store/${a.slug}/media/${id}/160.webp` });
    expect(viaPath.statusCode).toBe(200);
    expect(viaPath.headers['content-type']).toBe('image/webp');
    const unknownSize = await t.app.inject({
      url: `/media/${id}/2048.webp`,
      headers: { host: `${a.slug}.localhost:5000` },
    });
    expect(unknownSize.statusCode).toBe(404);

    await setStoreStatus(t.ctx, a.tenantId, 'suspended');
    const suspended = await t.app.inject({
      url: `/media/${id}/480.webp`,
      headers: { host: `${a.slug}.localhost:5000` },
    });
    expect(suspended.statusCode).toBe(404);
    await setStoreStatus(t.ctx, a.tenantId, 'live');

    // Deleting removes the row and the files.
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/merchant/media/${id}`,
      headers: bearer(a.token),
    });
    expect(deleted.statusCode).toBe(204);
    expect(await storage().get(`media/${a.tenantId}/${id}/original`)).toBeNull();
    expect(await storage().get(`media/${a.tenantId}/${id}/480.webp`)).toBeNull();
    const gone = await t.app.inject({
      url: `/media/${id}/original`,
      headers: { host: `${a.slug}.localhost:5000` },
    });
    expect(gone.statusCode).toBe(404);
  });

  it('the plan storage limit holds under 12 concurrent uploads', async () => {
    const shop = await merchant();
    const [plan] = await t.ctx.db
      .insert(plans)
      .values({
        key: `tiny-${randomUUID().slice(0, 8)}`,
        name: 'Tiny',
        priceCents: 0,
        limits: { products: 10, staffAccounts: 1, storageMb: 1, customDomain: false },
      })
      .returning();
    await t.ctx.db.update(tenants).set({ planId: plan!.id }).where(eq(tenants.id, shop.tenantId));
    // Noise does not compress: each PNG is about 300 KB, so 3 fit in 1 MB.
    const png = await sharp(randomBytes(320 * 320 * 3), {
      raw: { width: 320, height: 320, channels: 3 },
    })
      .png()
      .toBuffer();
    const results = await Promise.all(Array.from({ length: 12 }, () => upload(shop.token, png)));
    const fits = Math.floor((1024 * 1024) / png.length);
    expect(fits).toBe(3);
    expect(results.map((r) => r.statusCode).sort()).toEqual([
      ...Array<number>(fits).fill(201),
      ...Array<number>(12 - fits).fill(403),
    ]);
    const refused = results.filter((r) => r.statusCode === 403);
    expect(await getStorageUsage({ db: t.ctx.db, tenantId: shop.tenantId })).toEqual({
      usedBytes: fits * png.length,
      limitBytes: 1024 * 1024,
    });
    expect(refused[0]!.json().error).toMatchObject({
      code: 'PLAN_LIMIT_REACHED',
      details: { resource: 'storage', limit: 1024 * 1024, used: fits * png.length },
    });
  });

  it('through the real queue: the worker makes the sizes and the item becomes ready', async () => {
    const shop = await merchant();
    const queue = await startQueue({
      url: t.database.url,
      logger: createLogger('silent'),
      concurrency: 2,
      pollIntervalMs: 100,
      tasks: { [PROCESS_MEDIA_TASK]: handler() },
    });
    try {
      const res = await upload(shop.token, await photo(1500, 1000));
      const { id } = res.json<MediaItem>();
      await vi.waitFor(async () => expect((await item(shop.token, id))!.status).toBe('ready'), {
        timeout: 15_000,
        interval: 100,
      });
      expect((await item(shop.token, id))!.sizes.map((s) => s.width)).toEqual([160, 480, 1080]);
    } finally {
      await queue.stop();
    }
  });
});
