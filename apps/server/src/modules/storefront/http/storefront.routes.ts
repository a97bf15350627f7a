/**
 * Storefront HTTP routes. `/store/:slug/*` is both the path fallback on the platform host and
 * the internal target of host routing (see host-routing.ts), so one handler serves both.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { StorefrontDeps } from '../storefront.deps.js';
import { createStorefrontHandlers } from './serve-storefront.js';

export const storefrontRoutes =
  (ctx: StorefrontDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const handlers = createStorefrontHandlers(ctx);
    const options = { schema: { hide: true } };
    // What the request addresses (slug, path, parsed route, host mode, store), set once.
    app.decorateRequest('storefront', null);
    // HTML forms post urlencoded bodies; parsed here only (this plugin's scope), kept tiny.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.get('/store/:slug', options, handlers.page);
    app.get('/store/:slug/*', options, handlers.page);
    app.post('/store/:slug/newsletter', options, handlers.subscribe);
  };
