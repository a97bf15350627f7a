/**
 * Headers every answer of the API server carries (API, landing page, storefronts): `nosniff`
 * (a body is never taken for another type, e.g. JSON for script) and, on `/api/` answers
 * without caching of their own, `Cache-Control: no-store` — account data that no browser or
 * shared cache may keep.
 */
import type { FastifyInstance } from 'fastify';

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });
}
