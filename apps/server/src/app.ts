/**
 * Builds the HTTP application from an AppContext: framework glue, then each module's routes.
 * Used by main.ts and by tests (which inject requests without opening a port).
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { isDatabaseHealthy } from './platform/database/index.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { authRoutes } from './modules/auth/index.js';
import { merchantsRoutes } from './modules/merchants/index.js';
import { plansRoutes } from './modules/plans/index.js';
import { themesRoutes } from './modules/themes/index.js';

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.http.bodyLimit,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await registerOpenApi(app, ctx.config.http.publicUrl);

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

  await app.register(authRoutes(ctx));
  await app.register(merchantsRoutes(ctx));
  await app.register(themesRoutes(ctx));
  await app.register(plansRoutes(ctx));
  return app;
}
