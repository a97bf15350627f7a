/**
 * Headers every API answer carries: `nosniff` (a JSON body is never taken for HTML or script)
 * and, unless a route chose its own caching, `Cache-Control: no-store` — API answers are
 * account data that no browser or shared cache may keep.
 */
import type { FastifyInstance } from 'fastify';

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    if (!reply.hasHeader('x-content-type-options'))
      reply.header('x-content-type-options', 'nosniff');
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });
}
