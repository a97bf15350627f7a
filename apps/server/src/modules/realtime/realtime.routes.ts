/**
 * `GET /api/realtime`: the one WebSocket endpoint. The token is checked in a hook that runs
 * before the upgrade, so a missing, forged or expired token gets a plain HTTP 401 and never a
 * socket. Token sources, in order: the `bearer.<token>` subprotocol (what browsers can send),
 * the `token` query parameter, an `Authorization: Bearer` header (non-browser clients).
 */
import { createHash } from 'node:crypto';
import type { WebsocketPluginOptions } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  REALTIME_PATH,
  REALTIME_SUBPROTOCOL,
  REALTIME_TOKEN_PROTOCOL_PREFIX,
} from '@orbit360/contracts';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { bearerToken, type Principal } from '../auth/index.js';
import { closeSockets } from './realtime-hub.js';

const QuerySchema = z.object({
  since: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('Resume after this event seq'),
  token: z.string().max(4096).optional(),
});

declare module 'fastify' {
  interface FastifyRequest {
    realtimeSession?: { principal: Principal; tokenKey: string; expiresAt?: number };
  }
}

function tokenOf(request: FastifyRequest, queryToken: string | undefined) {
  const offered = request.headers['sec-websocket-protocol'];
  const fromProtocol = offered
    ?.split(',')
    .map((protocol) => protocol.trim())
    .find((protocol) => protocol.startsWith(REALTIME_TOKEN_PROTOCOL_PREFIX))
    ?.slice(REALTIME_TOKEN_PROTOCOL_PREFIX.length);
  return fromProtocol || queryToken || bearerToken(request);
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
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.route({
      method: 'GET',
      url: REALTIME_PATH,
      schema: {
        tags: ['realtime'],
        summary: 'Event stream (WebSocket upgrade only)',
        querystring: QuerySchema,
      },
      preHandler: async (request) => {
        const token = tokenOf(request, request.query.token);
        if (!token) throw new AppError('UNAUTHENTICATED', 'Authentication required');
        const principal = await ctx.tokens.verify(token);
        const tokenKey = createHash('sha256').update(token).digest('base64url').slice(0, 22);
        if (ctx.realtime.isAtConnectionLimit(tokenKey)) {
          throw new AppError('RATE_LIMITED', 'Too many open realtime connections for this session');
        }
        request.realtimeSession = { principal, tokenKey, expiresAt: expiryOf(token) };
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
export function realtimeWebsocketOptions(ctx: AppContext): WebsocketPluginOptions {
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
