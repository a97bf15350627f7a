import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem, Product } from '@orbit360/contracts';
import { bearer, merchantToken, setupTestApp } from '../../../test/helpers.js';
import { catalogApi } from '../../../test/support/catalog-api.js';
import { createTestStore, type TestStore } from '../../../test/support/create-test-store.js';
import { productInput } from '../../../test/support/create-test-product.js';
import { createLogger } from '../../platform/logger.js';
import { createLocalDiskStorage } from '../../platform/storage/local-disk-storage.js';
import { createProcessMediaHandler } from '../media/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'orbit-product-images-'));

const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer();

function multipart(bytes: Buffer) {
  const boundary = `----orbit${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    'content-type': `multipart/form-data; boundary=${boundary}`,
  };
}

describe('product images from the store’s media', () => {
  const t = setupTestApp({ DATA_DIR: dataDir });
  const api = catalogApi(t);
  let a: TestStore;
  let b: TestStore;
  const page = (store: TestStore, path: string) =>
    t.app.inject({ url: path, headers: { host: `${store.slug}.localhost:5000` } });
  const process = (store: TestStore, mediaId: string) =>
    createProcessMediaHandler({
      db: t.ctx.db,
      storage: createLocalDiskStorage(join(dataDir, 'media')),
      logger: createLogger('silent'),
      limits: t.ctx.config.media,
    })(
      { tenantId: store.tenantId, mediaId },
      {
        jobId: '1',
        lockedBy: null,
        attempt: 1,
        signal: new AbortController().signal,
        stopping: new AbortController().signal,
      },
    );

  async function upload(store: TestStore, width = 1600, height = 1200): Promise<MediaItem> {
    const token = await merchantToken(t.ctx, {
      merchantId: store.merchantId,
      tenantId: store.tenantId,
    });
    const { payload, 'content-type': type } = multipart(await jpeg(width, height));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/merchant/media',
      payload,
      headers: { ...bearer(token), 'content-type': type },
    });
    expect(res.statusCode).toBe(201);
    return res.json<MediaItem>();
  }

  beforeAll(async () => {
    a = await createTestStore(t.ctx, { storeName: 'Alder' });
    b = await createTestStore(t.ctx, { storeName: 'Birch' });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('saves an own media id and answers with its status, size, url and srcset', async () => {
    const item = await upload(a);
    const created = await api(
      a,
      'POST',
      '/api/merchant/products',
      productInput({
        title: 'Blue Vase',
        images: [
          { mediaId: item.id, alt: 'A blue vase' },
          { url: 'https://cdn.example.com/v.jpg', alt: '' },
        ],
      }),
    );
    expect(created.statusCode).toBe(201);
    const product = created.json<Product>();
    expect(product.images).toEqual([
      {
        mediaId: item.id,
        alt: 'A blue vase',
        status: 'processing',
        width: 1600,
        height: 1200,
        url: `/media/${item.id}/original`,
        srcset: [],
      },
      { url: 'https://cdn.example.com/v.jpg', alt: '' },
    ]);
    await process(a, item.id);
    const read = (await api(a, 'GET', `/api/merchant/products/${product.id}`)).json<Product>();
    expect(read.images[0]).toMatchObject({
      status: 'ready',
      url: `/media/${item.id}/480.webp`,
      srcset: [160, 480, 1080].map((w) => ({ width: w, url: `/media/${item.id}/${w}.webp` })),
    });
    const list = (await api(a, 'GET', '/api/merchant/products?q=Blue%20Vase')).json();
    expect(list.items[0].image).toMatchObject({ mediaId: item.id, status: 'ready' });
  });

  it('refuses another store’s, unknown, failed and ambiguous image ids with field paths', async () => {
    const theirs = await upload(b);
    const fields = async (images: unknown[]) => {
      const res = await api(a, 'POST', '/api/merchant/products', productInput({ images } as never));
      expect(res.statusCode).toBe(400);
      return res.json().error.details.fields.map((f: { field: string }) => f.field);
    };
    expect(
      await fields([{ url: 'https://x.example/a.jpg' }, { mediaId: theirs.id, alt: 'x' }]),
    ).toEqual(['body.images.1.mediaId']);
    expect(await fields([{ mediaId: randomUUID() }])).toEqual(['body.images.0.mediaId']);
    expect(await fields([{ mediaId: randomUUID(), url: 'https://x.example/a.jpg' }])).toEqual([
      'body.images.0.mediaId',
    ]);
    expect(await fields([{ alt: 'nothing' }])).toEqual(['body.images.0.mediaId']);

    // A file sharp cannot decode past its header fails in the job; then it cannot be saved.
    const broken = await upload(a);
    const { media } = await import('../media/index.js');
    const { withTenant } = await import('../../platform/database/index.js');
    const { eq } = await import('drizzle-orm');
    await withTenant(t.ctx.db, a.tenantId, (tx) =>
      tx.update(media).set({ status: 'failed', error: 'broken' }).where(eq(media.id, broken.id)),
    );
    expect(await fields([{ mediaId: broken.id }])).toEqual(['body.images.0.mediaId']);
  });

  it('storefront: the original while processing, srcset once ready (media.ready clears the cached page)', async () => {
    const item = await upload(a, 2400, 1600);
    const created = await api(
      a,
      'POST',
      '/api/merchant/products',
      productInput({ title: 'Tall Lamp', images: [{ mediaId: item.id, alt: 'Lamp' }] }),
    );
    const handle = created.json<Product>().handle;
    const before = await page(a, `/products/${handle}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain(`src="/media/${item.id}/original"`);
    expect(before.body).not.toContain(`${item.id}/480.webp`);
    expect(before.body).toContain('width="2400" height="1600"');
    expect((await page(a, `/products/${handle}`)).body).toBe(before.body); // cached

    await process(a, item.id);
    await t.ctx.realtime.caughtUp();
    const after = await page(a, `/products/${handle}`);
    expect(after.body).toContain(`src="/media/${item.id}/1080.webp"`);
    expect(after.body).toContain(
      `srcset="${[160, 480, 1080, 2048].map((w) => `/media/${item.id}/${w}.webp ${w}w`).join(', ')}"`,
    );
    expect(after.body).not.toContain(`/media/${item.id}/original`);
    const listing = await page(a, '/collections/all');
    expect(listing.body).toContain(`/media/${item.id}/480.webp 480w`);
    const served = await page(a, `/media/${item.id}/1080.webp`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
  });

  it('refuses to delete an image products use (409 naming them); deletes it once unused', async () => {
    const item = await upload(a);
    const created = await api(
      a,
      'POST',
      '/api/merchant/products',
      productInput({ title: 'Oak Stool', images: [{ mediaId: item.id }] }),
    );
    const product = created.json<Product>();
    const token = await merchantToken(t.ctx, { merchantId: a.merchantId, tenantId: a.tenantId });
    const remove = () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/merchant/media/${item.id}`,
        headers: bearer(token),
      });
    const refused = await remove();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { products: [{ id: product.id, title: 'Oak Stool' }] },
    });
    const saved = await api(
      a,
      'PUT',
      `/api/merchant/products/${product.id}`,
      productInput({ title: 'Oak Stool', images: [] }),
      { 'if-match': String(product.revision) },
    );
    expect(saved.statusCode).toBe(200);
    expect((await remove()).statusCode).toBe(204);
    expect((await page(a, `/media/${item.id}/original`)).statusCode).toBe(404);
  });
});
