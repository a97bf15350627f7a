import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MerchantOverview } from '@orbit360/contracts';
import type { AppContext } from '../../context.js';
import { merchantOf, requireMerchant } from '../auth/index.js';
import { getMerchantOverview } from './get-merchant-overview.js';

export const dashboardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/merchant/overview',
      {
        preHandler: requireMerchant(ctx.tokens),
        schema: {
          tags: ['merchant dashboard'],
          summary: "The signed-in merchant's store: status, URLs, plan, theme, onboarding",
          security: [{ bearerAuth: [] }],
          response: { 200: MerchantOverview },
        },
      },
      async (request) => getMerchantOverview({ ctx, principal: merchantOf(request) }),
    );
  };
