import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminLoginResponse,
  LoginBody,
  MerchantLoginResponse,
  PasswordResetRequestBody,
  PasswordResetRequestResponse,
  SetMerchantPasswordBody,
} from '@orbit360/contracts';
import type { AuthDeps } from './auth.deps.js';
import { adminOf, merchantOf, requireAdmin, requireMerchant } from '../../platform/http/guards.js';
import { loginAdmin } from './login-admin.js';
import { loginMerchant } from './login-merchant.js';
import { logout } from './logout.js';
import { requestMerchantPasswordReset } from './request-password-reset.js';
import { setMerchantPassword } from './set-merchant-password.js';

const clientOf = (request: FastifyRequest) => ({
  clientIp: request.ip,
  userAgent: request.headers['user-agent'],
});

export const authRoutes =
  (ctx: AuthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/admin/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in as a platform admin',
          body: LoginBody,
          response: { 200: AdminLoginResponse },
        },
      },
      async (request) => loginAdmin({ ctx, input: { ...request.body, ...clientOf(request) } }),
    );

    app.post(
      '/api/auth/merchant/set-password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Choose a password with the one-time token of the welcome email; signs in',
          body: SetMerchantPasswordBody,
          response: { 200: MerchantLoginResponse },
        },
      },
      async (request) =>
        setMerchantPassword({
          ctx,
          input: request.body,
          client: { ip: request.ip, userAgent: request.headers['user-agent'] },
        }),
    );

    app.post(
      '/api/auth/merchant/password-reset',
      {
        schema: {
          tags: ['auth'],
          summary: 'Email a one-time link to choose a new password (same answer for any address)',
          body: PasswordResetRequestBody,
          response: { 202: PasswordResetRequestResponse },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await requestMerchantPasswordReset({ ctx, input: request.body })),
    );

    app.post(
      '/api/auth/merchant/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in to the merchant dashboard',
          body: LoginBody,
          response: { 200: MerchantLoginResponse },
        },
      },
      async (request) => loginMerchant({ ctx, input: { ...request.body, ...clientOf(request) } }),
    );

    app.post(
      '/api/auth/admin/logout',
      {
        onRequest: requireAdmin(ctx.sessions, 'read'),
        schema: {
          tags: ['auth'],
          summary: 'Sign out: ends this admin session everywhere',
          security: [{ bearerAuth: [] }],
          response: { 204: z.null().describe('Signed out') },
        },
      },
      async (request, reply) => {
        await logout({ db: ctx.db, sessionId: adminOf(request).sessionId });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/auth/merchant/logout',
      {
        onRequest: requireMerchant(ctx.sessions),
        schema: {
          tags: ['auth'],
          summary: 'Sign out: ends this merchant session everywhere',
          security: [{ bearerAuth: [] }],
          response: { 204: z.null().describe('Signed out') },
        },
      },
      async (request, reply) => {
        await logout({ db: ctx.db, sessionId: merchantOf(request).sessionId });
        return reply.code(204).send(null);
      },
    );
  };
