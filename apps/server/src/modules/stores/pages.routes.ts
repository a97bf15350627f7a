/**
 * The merchant's pages API (about, contact, policies; `home` is the home page's hero copy).
 * The tenant always comes from the merchant's token; other tenants' ids are invisible (RLS)
 * and answer 404. Every write publishes `content.changed`, which every instance's storefront
 * follows; the answer waits until this instance has.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Page, PageInput, PageList, PageRevisionHeaders } from '@orbit360/contracts';
import { merchantOf, merchantWrite, requireMerchant } from '../../platform/http/guards.js';
import { requiredRevision, revisionEtag } from '../../platform/http/revisions.js';
import { createPage } from './create-page.js';
import { deletePage } from './delete-page.js';
import { getPage, listPages } from './get-page.js';
import type { StoresDeps } from './stores.deps.js';
import { updatePage } from './update-page.js';

export const pagesRoutes =
  (deps: StoresDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['content'], security: [{ bearerAuth: [] }] };
    const onRequest = requireMerchant(deps.sessions);

    app.get(
      '/api/merchant/pages',
      {
        onRequest,
        schema: { ...base, summary: "The store's pages", response: { 200: PageList } },
      },
      async (request) => listPages({ db: deps.db, tenantId: merchantOf(request).tenantId }),
    );

    app.post(
      '/api/merchant/pages',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Create a page',
          description:
            'The handle is generated from the title when absent (-2, -3… on a clash); an ' +
            'explicit handle already in use answers 409. The body is sanitised HTML.',
          body: PageInput,
          response: { 201: Page },
        },
      },
      async (request, reply) => {
        const { tenantId, actor } = merchantWrite(request);
        const page = await createPage({ db: deps.db, tenantId, actor, input: request.body });
        await deps.realtime.caughtUp();
        return reply.status(201).header('etag', revisionEtag(page)).send(page);
      },
    );

    app.get(
      '/api/merchant/pages/:id',
      {
        onRequest,
        schema: { ...base, summary: 'One page', params: IdParams, response: { 200: Page } },
      },
      async (request, reply) => {
        const page = await getPage({
          db: deps.db,
          tenantId: merchantOf(request).tenantId,
          id: request.params.id,
        });
        return reply.header('etag', revisionEtag(page)).send(page);
      },
    );

    app.put(
      '/api/merchant/pages/:id',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Replace a page if If-Match is current',
          description:
            '`If-Match: <revision>` is required (428 without it); a stale revision answers ' +
            '409 with `details.currentRevision`. The home page keeps the handle `home`.',
          params: IdParams,
          headers: PageRevisionHeaders,
          body: PageInput,
          response: { 200: Page },
        },
      },
      async (request, reply) => {
        const { tenantId, actor } = merchantWrite(request);
        const page = await updatePage({
          db: deps.db,
          tenantId,
          actor,
          id: request.params.id,
          revision: requiredRevision(request.headers['if-match'], 'page'),
          input: request.body,
        });
        await deps.realtime.caughtUp();
        return reply.header('etag', revisionEtag(page)).send(page);
      },
    );

    app.delete(
      '/api/merchant/pages/:id',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Delete a page (409 for the home page)',
          params: IdParams,
        },
      },
      async (request, reply) => {
        const { tenantId, actor } = merchantWrite(request);
        await deletePage({ db: deps.db, tenantId, actor, id: request.params.id });
        await deps.realtime.caughtUp();
        return reply.status(204).send();
      },
    );
  };
