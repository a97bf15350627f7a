/** The merchant's collections API: manual collections with ordered products. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Collection, CollectionInput, CollectionList, IdParams } from '@orbit360/contracts';
import { merchantOf, merchantWrite, requireMerchant } from '../../platform/http/guards.js';
import type { CatalogDeps } from './catalog-deps.js';
import { createCollection } from './create-collection.js';
import { deleteCollection } from './delete-collection.js';
import { getCollection, listCollections } from './get-collection.js';
import { updateCollection } from './update-collection.js';

export const collectionsRoutes =
  (deps: CatalogDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['catalog'], security: [{ bearerAuth: [] }] };
    const onRequest = requireMerchant(deps.sessions);

    app.get(
      '/api/merchant/collections',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Collections in display order',
          response: { 200: CollectionList },
        },
      },
      async (request) => listCollections({ db: deps.db, tenantId: merchantOf(request).tenantId }),
    );

    app.post(
      '/api/merchant/collections',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Create a collection with its ordered products',
          body: CollectionInput,
          response: { 201: Collection },
        },
      },
      async (request, reply) => {
        const { tenantId, actor } = merchantWrite(request);
        const collection = await createCollection({
          db: deps.db,
          tenantId,
          actor,
          input: request.body,
        });
        await deps.realtime.caughtUp();
        return reply.status(201).send(collection);
      },
    );

    app.get(
      '/api/merchant/collections/:id',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'One collection',
          params: IdParams,
          response: { 200: Collection },
        },
      },
      async (request) =>
        getCollection({
          db: deps.db,
          tenantId: merchantOf(request).tenantId,
          id: request.params.id,
        }),
    );

    app.put(
      '/api/merchant/collections/:id',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Replace a collection (fields and ordered products)',
          params: IdParams,
          body: CollectionInput,
          response: { 200: Collection },
        },
      },
      async (request) => {
        const { tenantId, actor } = merchantWrite(request);
        const collection = await updateCollection({
          db: deps.db,
          tenantId,
          actor,
          id: request.params.id,
          input: request.body,
        });
        await deps.realtime.caughtUp();
        return collection;
      },
    );

    app.delete(
      '/api/merchant/collections/:id',
      {
        onRequest,
        schema: { ...base, summary: 'Delete a collection (its products stay)', params: IdParams },
      },
      async (request, reply) => {
        const { tenantId, actor } = merchantWrite(request);
        await deleteCollection({ db: deps.db, tenantId, actor, id: request.params.id });
        await deps.realtime.caughtUp();
        return reply.status(204).send();
      },
    );
  };
