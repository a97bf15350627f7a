import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalDiskStorage } from './local-disk-storage.js';
import { createS3Storage } from './s3-storage.js';
import type { Storage } from './storage.js';

/**
 * A minimal S3-compatible object server (path-style PUT/GET/DELETE object, S3's XML error
 * for a missing key), so the real AWS SDK client is exercised over HTTP without mocking it.
 * No local S3 (MinIO, …) is available where these tests run.
 */
function startObjectServer() {
  const objects = new Map<string, Buffer>();
  const authorizations: string[] = [];
  const paths: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      authorizations.push(request.headers.authorization ?? '');
      paths.push(`${request.method} ${request.url}`);
      const key = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
      if (request.method === 'PUT') {
        objects.set(key, Buffer.concat(chunks));
        response.writeHead(200, { etag: '"x"' }).end();
      } else if (request.method === 'GET') {
        const object = objects.get(key);
        if (!object) {
          response
            .writeHead(404, { 'content-type': 'application/xml' })
            .end(
              '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
            );
          return;
        }
        response
          .writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': object.length,
          })
          .end(object);
      } else if (request.method === 'DELETE') {
        objects.delete(key);
        response.writeHead(204).end();
      } else {
        response.writeHead(405).end();
      }
    });
  });
  return { server, objects, authorizations, paths };
}

function storageContract(name: string, make: () => Storage) {
  describe(name, () => {
    it('puts, gets, streams and deletes an object; a missing one is null', async () => {
      const storage = make();
      const body = randomBytes(300_000);
      await storage.put('media/t1/a/original', body);
      expect((await storage.get('media/t1/a/original'))!.equals(body)).toBe(true);
      const streamed = await storage.stream('media/t1/a/original');
      expect(streamed!.size).toBe(body.length);
      const chunks: Buffer[] = [];
      for await (const chunk of streamed!.body) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(body)).toBe(true);

      await storage.put('media/t1/a/original', Buffer.from('replaced'));
      expect(await text((await storage.stream('media/t1/a/original'))!.body)).toBe('replaced');

      await storage.delete('media/t1/a/original');
      expect(await storage.get('media/t1/a/original')).toBeNull();
      expect(await storage.stream('media/t1/a/original')).toBeNull();
      await storage.delete('media/t1/a/original'); // deleting a missing object is fine
    });

    it('refuses keys that could leave the storage root', async () => {
      const storage = make();
      for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', 'a/.hidden']) {
        await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
      }
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'orbit-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
storageContract('local disk storage', () => createLocalDiskStorage(dir));

describe('local disk storage files', () => {
  it('leaves no temporary files behind', async () => {
    const storage = createLocalDiskStorage(join(dir, 'tmp-check'));
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => storage.put('k/same', Buffer.from(`v${i}`))),
    );
    expect(readdirSync(join(dir, 'tmp-check', 'k'))).toEqual(['same']);
  });
});

const s3 = startObjectServer();
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => (s3.server as Server).close(() => resolve())));

storageContract('S3-compatible storage (AWS SDK against a local object server)', () =>
  createS3Storage({
    bucket: 'orbit-media',
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test-key', secretAccessKey: 'test-secret' },
  }),
);

describe('S3 requests', () => {
  it('address the bucket path-style and are signed (SigV4)', () => {
    const requested = s3.paths.map((p) => p.split('?')[0]);
    expect(requested).toContain('PUT /orbit-media/media/t1/a/original');
    expect(requested).toContain('GET /orbit-media/media/t1/a/original');
    expect(requested).toContain('DELETE /orbit-media/media/t1/a/original');
    expect(
      s3.authorizations.every((a) => a.startsWith('AWS4-HMAC-SHA256 Credential=test-key/')),
    ).toBe(true);
  });
});
