import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  Merchant,
  MerchantList,
  MerchantListQuery,
  MerchantSignupBody,
} from '@orbit360/contracts';
import type { AppContext } from '../../context.js';
import { requireAdmin } from '../auth/index.js';
import { getMerchant } from './get-merchant.js';
import { listMerchants } from './list-merchants.js';
import { signupMerchant } from './signup-merchant.js';

export const merchantsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const canRead = requireAdmin(ctx.tokens, 'read');
    const security = [{ bearerAuth: [] }];

    app.post(
      '/api/merchants/signup',
      {
        schema: {
          tags: ['merchants'],
          summary: 'Apply as a merchant (public); the application waits as pending',
          body: MerchantSignupBody,
          response: { 201: Merchant },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await signupMerchant({ db: ctx.db, input: request.body })),
    );

    app.get(
      '/api/admin/merchants',
      {
        preHandler: canRead,
        schema: {
          tags: ['merchants'],
          summary: 'List merchants by status, with search and per-status counts',
          security,
          querystring: MerchantListQuery,
          response: { 200: MerchantList },
        },
      },
      async (request) => listMerchants({ db: ctx.db, query: request.query }),
    );

    app.get(
      '/api/admin/merchants/:id',
      {
        preHandler: canRead,
        schema: {
          tags: ['merchants'],
          summary: 'One merchant',
          security,
          params: IdParams,
          response: { 200: Merchant },
        },
      },
      async (request) => getMerchant({ db: ctx.db, id: request.params.id }),
    );
  };
