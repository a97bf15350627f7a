/**
 * The merchant's products API, plan usage and "remove sample products". The tenant always
 * comes from the merchant's token; other tenants' ids are invisible (RLS) and answer 404.
 * Every write publishes `catalog.changed`, which every instance's storefront follows; the
 * answer waits until this instance has (so the merchant's next page view shows the change).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CatalogUsage,
  IdParams,
  Product,
  ProductInput,
  ProductList,
  ProductListQuery,
  RemovedSamples,
  RevisionHeaders,
} from '@orbit360/contracts';
import { merchantOf, merchantWrite, requireMerchant } from '../../platform/http/guards.js';
import { requiredRevision, revisionEtag } from '../../platform/http/revisions.js';
import type { CatalogDeps } from './catalog-deps.js';
import { createProduct } from './create-product.js';
import { deleteProduct } from './delete-product.js';
import { getCatalogUsage } from './get-catalog-usage.js';
import { getProduct } from './get-product.js';
import { listProducts } from './list-products.js';
import { removeSampleProducts } from './remove-sample-products.js';
import { updateProduct } from './update-product.js';

export const productsRoutes =
  (deps: CatalogDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['catalog'], security: [{ bearerAuth: [] }] };
    const onRequest = requireMerchant(deps.sessions);

    app.get(
      '/api/merchant/products',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Products, newest first: search, status and collection filters, pages',
          querystring: ProductListQuery,
          response: { 200: ProductList },
        },
      },
      async (request) =>
        listProducts({
          db: deps.db,
          tenantId: merchantOf(request).tenantId,
          query: request.query,
        }),
    );

    app.post(
      '/api/merchant/products',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Create a product (403 PLAN_LIMIT_REACHED past the plan limit)',
          description:
            'The handle is generated from the title when absent (-2, -3… on a clash); an ' +
            'explicit handle already in use answers 409. The description is sanitised HTML.',
          body: ProductInput,
          response: { 201: Product },
        },
      },
      async (request, reply) => {
        const { tenantId, actor } = merchantWrite(request);
        const product = await createProduct({ db: deps.db, tenantId, actor, input: request.body });
        await deps.realtime.caughtUp();
        return reply.status(201).header('etag', revisionEtag(product)).send(product);
      },
    );

    app.get(
      '/api/merchant/products/:id',
      {
        onRequest,
        schema: { ...base, summary: 'One product', params: IdParams, response: { 200: Product } },
      },
      async (request, reply) => {
        const product = await getProduct({
          db: deps.db,
          tenantId: merchantOf(request).tenantId,
          id: request.params.id,
        });
        return reply.header('etag', revisionEtag(product)).send(product);
      },
    );

    app.put(
      '/api/merchant/products/:id',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Replace the whole product (variants, collections) if If-Match is current',
          description:
            '`If-Match: <revision>` is required (428 without it); a stale revision answers ' +
            '409 with `details.currentRevision`. The revision is bumped by every save.',
          params: IdParams,
          headers: RevisionHeaders,
          body: ProductInput,
          response: { 200: Product },
        },
      },
      async (request, reply) => {
        const { tenantId, actor } = merchantWrite(request);
        const product = await updateProduct({
          db: deps.db,
          tenantId,
          actor,
          id: request.params.id,
          revision: requiredRevision(request.headers['if-match'], 'product'),
          input: request.body,
        });
        await deps.realtime.caughtUp();
        return reply.header('etag', revisionEtag(product)).send(product);
      },
    );

    app.delete(
      '/api/merchant/products/:id',
      { onRequest, schema: { ...base, summary: 'Delete a product', params: IdParams } },
      async (request, reply) => {
        const { tenantId, actor } = merchantWrite(request);
        await deleteProduct({ db: deps.db, tenantId, actor, id: request.params.id });
        await deps.realtime.caughtUp();
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/merchant/products/remove-samples',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Delete the sample products created with the store',
          response: { 200: RemovedSamples },
        },
      },
      async (request) => {
        const { tenantId, actor } = merchantWrite(request);
        const result = await removeSampleProducts({ db: deps.db, tenantId, actor });
        await deps.realtime.caughtUp();
        return result;
      },
    );

    app.get(
      '/api/merchant/usage',
      {
        onRequest,
        schema: {
          ...base,
          summary: "The store's usage against its plan limits (limit null = unlimited)",
          response: { 200: CatalogUsage },
        },
      },
      async (request) => getCatalogUsage({ db: deps.db, tenantId: merchantOf(request).tenantId }),
    );
  };
