/**
 * Builds the HTTP application from an AppContext: framework glue, then each module's routes.
 * Used by main.ts and by tests (which inject requests without opening a port).
 */
import fastifyCors from '@fastify/cors';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { isDatabaseHealthy } from './platform/database/index.js';
import {
  frameworkErrors,
  registerErrorHandling,
  registerPreflightErrorShape,
} from './platform/http/error-handler.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerRequestLog } from './platform/http/request-log.js';
import { registerTextGuard } from './platform/http/text-guard.js';
import { serverTimeouts } from './platform/http/server-timeouts.js';
import { spaOrigins } from './platform/http/spa.js';
import { createStorage } from './platform/storage/create-storage.js';
// Each module's routes entry: modules use one another through their index.ts, never routes.
import { auditRoutes } from './modules/audit/audit.routes.js';
import { collectionsRoutes } from './modules/catalog/collections.routes.js';
import { productsRoutes } from './modules/catalog/products.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { navigationRoutes } from './modules/stores/navigation.routes.js';
import { pagesRoutes } from './modules/stores/pages.routes.js';
import { mediaRoutes } from './modules/media/media.routes.js';
import { emailRoutes } from './modules/email/email.routes.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { provisioningRoutes } from './modules/provisioning/provisioning.routes.js';
import { merchantsRoutes } from './modules/merchants/merchants.routes.js';
import { plansRoutes } from './modules/plans/plans.routes.js';
import { themesRoutes } from './modules/themes/themes.routes.js';
import { createStorefrontUrlRewriter } from './modules/storefront/index.js';
import { siteRoutes } from './modules/storefront/sites/site.routes.js';
import { storefrontRoutes } from './modules/storefront/http/storefront.routes.js';
import { realtimeRoutes, realtimeWebsocketOptions } from './modules/realtime/realtime.routes.js';

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.http.bodyLimit,
    return503OnClosing: true,
    // One line per answered request instead of Fastify's two (platform/http/request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors,
    ...serverTimeouts(ctx.config.http.timeouts),
    // Rate limits key on the client address: behind N proxies, X-Forwarded-For's Nth hop.
    ...(ctx.config.http.trustProxy > 0 && {
      trustProxy: (_address: string, hop: number) => hop < ctx.config.http.trustProxy,
    }),
    // `<slug>.<PLATFORM_DOMAIN>` requests are routed to that store's storefront.
    rewriteUrl: createStorefrontUrlRewriter(ctx.config),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerRequestLog(app);
  registerSecurityHeaders(app);
  registerTextGuard(app);
  registerPreflightErrorShape(app);
  // The admin panel and the dashboard are served from their own ports and call the API cross-origin.
  await app.register(fastifyCors, {
    origin: spaOrigins(ctx.config),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
    exposedHeaders: ['etag'],
    maxAge: 600,
  });
  await registerOpenApi(app, ctx.config.http.publicUrl);
  await app.register(fastifyWebsocket, realtimeWebsocketOptions(ctx));

  app.get(
    '/healthz',
    { schema: { tags: ['ops'], summary: 'Liveness and database health' } },
    async (_, reply) =>
      (await isDatabaseHealthy(ctx.pool))
        ? { status: 'ok' }
        : reply.status(503).send({
            status: 'unavailable',
            error: { code: 'UNAVAILABLE', message: 'Database is not answering' },
          }),
  );

  await app.register(homeRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(merchantsRoutes(ctx));
  await app.register(themesRoutes(ctx));
  await app.register(plansRoutes(ctx));
  await app.register(provisioningRoutes(ctx));
  await app.register(emailRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(dashboardRoutes(ctx));
  await app.register(
    mediaRoutes({
      db: ctx.db,
      logger: ctx.logger,
      sessions: ctx.sessions,
      storage: createStorage(ctx.config.media.storage),
      limits: ctx.config.media,
    }),
  );
  await app.register(productsRoutes(ctx));
  await app.register(collectionsRoutes(ctx));
  await app.register(pagesRoutes(ctx));
  await app.register(navigationRoutes(ctx));
  await app.register(storefrontRoutes(ctx));
  await app.register(siteRoutes(ctx));
  await app.register(realtimeRoutes(ctx));
  return app;
}
