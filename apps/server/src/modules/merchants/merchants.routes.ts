import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  Merchant,
  MerchantList,
  MerchantListQuery,
  MerchantSignupBody,
  MerchantSignupResponse,
  MerchantStatusChangeBody,
  PasswordLinkSentResponse,
  SessionsEndedResponse,
} from '@orbit360/contracts';
import type { MerchantsDeps } from './merchants.deps.js';
import { sendPasswordLink } from '../auth/index.js';
import { adminOf, requireAdmin } from '../../platform/http/guards.js';
import { reactivateMerchant, suspendMerchant } from './change-merchant-status.js';
import { endMerchantSessions } from './end-merchant-sessions.js';
import { getMerchant } from './get-merchant.js';
import { listMerchants } from './list-merchants.js';
import { signupMerchant } from './signup-merchant.js';

export const merchantsRoutes =
  (ctx: MerchantsDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const canRead = requireAdmin(ctx.sessions, 'read');
    const security = [{ bearerAuth: [] }];

    app.post(
      '/api/merchants/signup',
      {
        schema: {
          tags: ['merchants'],
          summary: 'Apply as a merchant (public); the application waits as pending',
          description:
            'Answers 202 `{ accepted: true }` for every valid application, also when the address ' +
            'already applied or owns a store (that address gets an email instead), so the answer ' +
            'tells nobody who is a merchant. Rate-limited per client (429 with Retry-After).',
          body: MerchantSignupBody,
          response: { 202: MerchantSignupResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await signupMerchant({ ctx, input: request.body, clientIp: request.ip })),
    );

    app.get(
      '/api/admin/merchants',
      {
        onRequest: canRead,
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
        onRequest: canRead,
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

    const canWrite = requireAdmin(ctx.sessions, 'write');
    for (const [verb, change, summary] of [
      ['suspend', suspendMerchant, 'Suspend an active merchant: its website stops being served'],
      [
        'reactivate',
        reactivateMerchant,
        'Reactivate a suspended merchant: its website is live again',
      ],
    ] as const) {
      app.post(
        `/api/admin/merchants/:id/${verb}`,
        {
          onRequest: canWrite,
          schema: {
            tags: ['merchants'],
            summary,
            security,
            params: IdParams,
            body: MerchantStatusChangeBody,
            response: { 200: Merchant },
          },
        },
        async (request) => {
          const merchant = await change({
            db: ctx.db,
            id: request.params.id,
            actorId: adminOf(request).id,
            reason: request.body?.reason,
          });
          // Answer once this instance has acted on the status event (its storefront follows the
          // stream): the store serves, or stops serving, at once.
          await ctx.realtime.caughtUp();
          return merchant;
        },
      );
    }

    app.post(
      '/api/admin/merchants/:id/send-password-link',
      {
        onRequest: canWrite,
        schema: {
          tags: ['merchants'],
          summary:
            "Email the merchant's owner a new one-time set-password link (earlier links stop working; audited)",
          security,
          params: IdParams,
          response: { 202: PasswordLinkSentResponse },
        },
      },
      async (request, reply) =>
        reply.status(202).send(
          await sendPasswordLink({
            ctx,
            input: { merchantId: request.params.id, actorId: adminOf(request).id },
          }),
        ),
    );

    app.post(
      '/api/admin/merchants/:id/end-sessions',
      {
        onRequest: canWrite,
        schema: {
          tags: ['merchants'],
          summary: "Sign out every session of the merchant's store, at once (audited)",
          security,
          params: IdParams,
          response: { 200: SessionsEndedResponse },
        },
      },
      async (request) =>
        endMerchantSessions({
          db: ctx.db,
          merchantId: request.params.id,
          actorId: adminOf(request).id,
        }),
    );
  };
