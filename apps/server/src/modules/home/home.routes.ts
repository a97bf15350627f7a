import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HomeDeps } from './home.deps.js';
import { LOGO_SVG, renderLandingPage } from './landing-page.js';

/**
 * `GET /` on the platform's own host. Store hosts never reach it: the storefront URL rewriter
 * has already turned `<slug>.<PLATFORM_DOMAIN>/` into `/store/<slug>/`.
 */
export const homeRoutes =
  (ctx: HomeDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const page = renderLandingPage({
      adminUrl: ctx.config.platform.adminUrl,
      dashboardUrl: ctx.config.platform.dashboardUrl,
      platformDomain: ctx.config.platform.domain,
    });
    app.get(
      '/',
      { schema: { tags: ['ops'], summary: 'The platform landing page (HTML)', hide: true } },
      async (_request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', page.contentSecurityPolicy)
          .header('referrer-policy', 'strict-origin-when-cross-origin')
          .header('cache-control', 'no-cache')
          .send(page.html),
    );
    app.get('/favicon.svg', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(LOGO_SVG),
    );
  };
