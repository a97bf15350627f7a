/**
 * Media routes: the merchant's upload / list / delete API, and the store host's stable,
 * immutable file URLs (`<store host>/media/<id>/original`, `/media/<id>/<width>.webp`). The
 * latter are registered under `/store/:slug/media/…`, which host routing maps a store host's
 * requests onto (storefront/http/host-routing.ts) — more specific than the storefront's own
 * `/store/:slug/*`, so the router picks it without the storefront knowing about media.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, MediaItem, MediaList, MediaListQuery } from '@orbit360/contracts';
import { AppError } from '../../platform/errors.js';
import { merchantOf, merchantWrite, requireMerchant } from '../../platform/http/guards.js';
import { deleteMedia } from './delete-media.js';
import { listMedia } from './list-media.js';
import type { MediaRoutesDeps } from './media.deps.js';
import { findMediaFile } from './serve-media.js';
import { uploadMedia } from './upload-media.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export const mediaRoutes =
  (deps: MediaRoutesDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Multipart parsing exists in this plugin's scope only; one file, nothing else.
    await app.register(fastifyMultipart, {
      limits: { fileSize: deps.limits.maxUploadBytes, files: 1, fields: 0, parts: 2 },
    });
    const guard = requireMerchant(deps.sessions);
    const base = { tags: ['merchant media'], security: [{ bearerAuth: [] }] };

    app.post(
      '/api/merchant/media',
      {
        onRequest: guard,
        schema: {
          ...base,
          summary: 'Upload an image (multipart field `file`; JPEG, PNG, WebP, AVIF or GIF)',
          description:
            'The type is read from the bytes. Resized WebP copies are made in the background; `media.ready` / `media.failed` follow.',
          consumes: ['multipart/form-data'],
          response: { 201: MediaItem },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the image as multipart/form-data');
        }
        const part = await request.file();
        if (!part) throw AppError.validation([{ field: 'file', message: 'is required' }]);
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError(
              'PAYLOAD_TOO_LARGE',
              `The file is larger than ${deps.limits.maxUploadBytes} bytes`,
              { limit: deps.limits.maxUploadBytes },
            );
          }
          throw error;
        }
        const item = await uploadMedia({ deps, ...merchantWrite(request), bytes });
        return reply.status(201).send(item);
      },
    );

    app.get(
      '/api/merchant/media',
      {
        onRequest: guard,
        schema: {
          ...base,
          summary: "The store's media, newest first",
          querystring: MediaListQuery,
          response: { 200: MediaList },
        },
      },
      async (request) =>
        listMedia({ deps, tenantId: merchantOf(request).tenantId, page: request.query.page }),
    );

    app.delete(
      '/api/merchant/media/:id',
      {
        onRequest: guard,
        schema: { ...base, summary: 'Delete an image and its files', params: IdParams },
      },
      async (request, reply) => {
        await deleteMedia({ deps, ...merchantWrite(request), id: request.params.id });
        return reply.status(204).send();
      },
    );

    app.get(
      '/store/:slug/media/:id/:file',
      {
        schema: {
          hide: true,
          params: z.object({ slug: z.string(), id: z.string(), file: z.string() }),
        },
      },
      async (request, reply) => {
        const { slug, id, file } = request.params;
        const found = await findMediaFile({ deps, slug: slug.toLowerCase(), id, file });
        if (!found) throw AppError.notFound('Media');
        return reply
          .headers({
            'content-type': found.contentType,
            'content-length': String(found.size),
            'cache-control': IMMUTABLE,
            'x-content-type-options': 'nosniff',
            'content-security-policy': "default-src 'none'; sandbox",
          })
          .send(found.body);
      },
    );
  };
