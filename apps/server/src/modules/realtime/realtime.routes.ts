/**
 * `GET /api/realtime`: the one WebSocket endpoint. The token and its session are checked in a
 * hook that runs before the upgrade, so a missing, forged, expired or ended one gets a plain
 * HTTP 401 and never a socket. Token sources: the `bearer.<token>` subprotocol (what browsers
 * can send) or an `Authorization: Bearer` header (non-browser clients) — never the URL, which
 * ends up in access logs.
 */
import type { WebsocketPluginOptions } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  REALTIME_PATH,
  REALTIME_SUBPROTOCOL,
  REALTIME_TOKEN_PROTOCOL_PREFIX,
} from '@orbit360/contracts';
import type { RealtimeDeps } from './realtime.deps.js';
import { AppError } from '../../platform/errors.js';
import { bearerToken, type Principal } from '../../platform/http/guards.js';
import { closeSockets } from './realtime-hub.js';

const QuerySchema = z.object({
  since: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('Resume after this event seq'),
});

declare module 'fastify' {
  interface FastifyRequest {
    realtimeSession?: { principal: Principal; expiresAt?: number };
  }
}

function tokenOf(request: FastifyRequest) {
  const offered = request.headers['sec-websocket-protocol'];
  const fromProtocol = offered
    ?.split(',')
    .map((protocol) => protocol.trim())
    .find((protocol) => protocol.startsWith(REALTIME_TOKEN_PROTOCOL_PREFIX))
    ?.slice(REALTIME_TOKEN_PROTOCOL_PREFIX.length);
  return fromProtocol || bearerToken(request);
}

/** Expiry of an already verified JWT, so the socket can be closed when the session ends. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export const realtimeRoutes =
  (ctx: RealtimeDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.route({
      method: 'GET',
      url: REALTIME_PATH,
      schema: {
        tags: ['realtime'],
        summary: 'Event stream (WebSocket upgrade only)',
        querystring: QuerySchema,
      },
      onRequest: async (request) => {
        const token = tokenOf(request);
        if (!token) throw new AppError('UNAUTHENTICATED', 'Authentication required');
        const principal = await ctx.sessions.authenticate(token);
        if (ctx.realtime.isAtConnectionLimit(principal)) {
          throw new AppError('RATE_LIMITED', 'Too many open realtime connections for this account');
        }
        request.realtimeSession = { principal, expiresAt: expiryOf(token) };
      },
      handler: async () => {
        throw new AppError(
          'BAD_REQUEST',
          'This endpoint speaks WebSocket: send an Upgrade request',
        );
      },
      wsHandler: (socket, request) => {
        const session = request.realtimeSession!;
        const since = (request.query as z.infer<typeof QuerySchema>).since;
        ctx.realtime.attach(socket, { ...session, since });
      },
    });
  };

/** Options for @fastify/websocket (registered once, in app.ts). */
export function realtimeWebsocketOptions(ctx: RealtimeDeps): WebsocketPluginOptions {
  return {
    options: {
      maxPayload: 4 * 1024,
      perMessageDeflate: false,
      // Select our protocol name; never echo the token-bearing one back.
      handleProtocols: (protocols) =>
        protocols.has(REALTIME_SUBPROTOCOL) ? REALTIME_SUBPROTOCOL : false,
    },
    // An unclean client disconnect is routine, not an application error.
    errorHandler: (error, socket) => {
      ctx.logger.debug({ err: error.message }, 'realtime socket error');
      socket.terminate();
    },
    // Ask every upgraded socket to reconnect elsewhere (1001) before the server closes.
    preClose: async function (this: FastifyInstance) {
      await closeSockets([...this.websocketServer.clients]);
    },
  };
}
