import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdminLoginResponse, LoginBody } from '@orbit360/contracts';
import type { AppContext } from '../../context.js';
import { loginAdmin } from './login-admin.js';

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
  };
