import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminLoginResponse,
  LoginBody,
  MerchantLoginResponse,
  PasswordResetRequestBody,
  PasswordResetRequestResponse,
  SetMerchantPasswordBody,
} from '@orbit360/contracts';
import type { AppContext } from '../../context.js';
import { loginAdmin } from './login-admin.js';
import { loginMerchant } from './login-merchant.js';
import { requestMerchantPasswordReset } from './request-password-reset.js';
import { setMerchantPassword } from './set-merchant-password.js';

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
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
      async (request) => loginAdmin(ctx, { ...request.body, clientIp: request.ip }),
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
      async (request) => setMerchantPassword(ctx, request.body),
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
        reply.code(202).send(await requestMerchantPasswordReset(ctx, request.body)),
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
      async (request) => loginMerchant(ctx, { ...request.body, clientIp: request.ip }),
    );
  };
