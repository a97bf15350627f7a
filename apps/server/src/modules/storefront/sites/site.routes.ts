/**
 * The merchant's website API: state and history, draft, publish, rollback and preview links.
 * The tenant always comes from the merchant's token, never from the request.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PreviewLink,
  PreviewLinkBody,
  PublishSiteBody,
  PublishSiteResult,
  RollbackSiteBody,
  SaveSiteDraftBody,
  SiteState,
} from '@orbit360/contracts';
import type { StorefrontDeps } from '../storefront.deps.js';
import { merchantOf, requireMerchant } from '../../../platform/http/guards.js';
import { createPreviewLink } from './create-preview-link.js';
import { getSiteState } from './get-site-state.js';
import { publishSite } from './publish-site.js';
import { rollbackSite } from './rollback-site.js';
import { saveSiteDraft } from './save-site-draft.js';

export const siteRoutes =
  (ctx: StorefrontDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['site'], security: [{ bearerAuth: [] }] };
    const guard = requireMerchant(ctx.sessions);
    const actorOf = (id: string) => ({ type: 'merchant' as const, id });

    app.get(
      '/api/merchant/site',
      {
        onRequest: guard,
        schema: {
          ...base,
          summary: 'The store website: live version, draft, history',
          response: { 200: SiteState },
        },
      },
      async (request) =>
        getSiteState({ db: ctx.db, config: ctx.config, tenantId: merchantOf(request).tenantId }),
    );

    app.put(
      '/api/merchant/site/draft',
      {
        onRequest: guard,
        schema: {
          ...base,
          summary: 'Save an unpublished theme and settings',
          body: SaveSiteDraftBody,
          response: { 200: SiteState },
        },
      },
      async (request) =>
        saveSiteDraft({
          db: ctx.db,
          config: ctx.config,
          tenantId: merchantOf(request).tenantId,
          ...request.body,
        }),
    );

    app.post(
      '/api/merchant/site/publish',
      {
        onRequest: guard,
        schema: {
          ...base,
          summary: 'Publish the draft (or the given theme/settings)',
          body: PublishSiteBody,
          response: { 201: PublishSiteResult },
        },
      },
      async (request, reply) => {
        const principal = merchantOf(request);
        const result = await publishSite({
          db: ctx.db,
          tenantId: principal.tenantId,
          ...request.body,
          actor: actorOf(principal.id),
          storefront: ctx.storefront,
        });
        return reply.status(201).send(result);
      },
    );

    app.post(
      '/api/merchant/site/rollback',
      {
        onRequest: guard,
        schema: {
          ...base,
          summary: 'Make an earlier version live again',
          body: RollbackSiteBody,
          response: { 200: PublishSiteResult },
        },
      },
      async (request) => {
        const principal = merchantOf(request);
        return rollbackSite({
          db: ctx.db,
          tenantId: principal.tenantId,
          versionId: request.body.versionId,
          actor: actorOf(principal.id),
          storefront: ctx.storefront,
        });
      },
    );

    app.post(
      '/api/merchant/site/preview-link',
      {
        onRequest: guard,
        schema: {
          ...base,
          summary: 'A short-lived link showing the draft or a version',
          body: PreviewLinkBody,
          response: { 200: PreviewLink },
        },
      },
      async (request) =>
        createPreviewLink({
          db: ctx.db,
          config: ctx.config,
          secret: ctx.secrets.preview,
          tenantId: merchantOf(request).tenantId,
          versionId: request.body.versionId,
        }),
    );
  };
