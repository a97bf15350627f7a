import type { FastifyInstance } from 'fastify';

/**
 * One log line per request, written when it is answered: `GET /path 200 4 ms`, with the
 * method, path (never the query string: it may carry tokens), status and time as fields too.
 * Replaces Fastify's two lines ("incoming request", "request completed"); the app sets
 * `disableRequestLogging`.
 */
export function registerRequestLog(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0];
    const responseTime = Math.round(reply.elapsedTime * 10) / 10;
    request.log.info(
      { req: request, res: { statusCode: reply.statusCode }, responseTime },
      `${request.method} ${path} ${reply.statusCode} ${Math.round(responseTime)} ms`,
    );
  });
}
