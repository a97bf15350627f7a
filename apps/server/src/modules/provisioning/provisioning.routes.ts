import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActivateMerchantBody,
  BulkActivateBody,
  BulkActivateResponse,
  IdParams,
  ProvisioningStatus,
  SlugAvailability,
  SlugAvailabilityQuery,
} from '@orbit360/contracts';
import type { ProvisioningDeps } from './provisioning.deps.js';
import { adminOf, requireAdmin } from '../../platform/http/guards.js';
import { activateMerchant } from './activate-merchant.js';
import { bulkActivateMerchants } from './bulk-activate-merchants.js';
import { checkSlugAvailability } from './check-slug-availability.js';
import { getProvisioningStatus } from './get-provisioning-status.js';
import { retryProvisioning } from './retry-provisioning.js';

const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1-200 visible ASCII characters')
    .optional(),
});

export const provisioningRoutes =
  (ctx: ProvisioningDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const canRead = requireAdmin(ctx.sessions, 'read');
    const canWrite = requireAdmin(ctx.sessions, 'write');
    const security = [{ bearerAuth: [] }];
    const tags = ['provisioning'];

    app.post(
      '/api/provisioning/merchants/:id/activate',
      {
        onRequest: canWrite,
        schema: {
          tags,
          summary: 'Activate a merchant: starts its provisioning (202) or returns it (200)',
          security,
          params: IdParams,
          headers: IdempotencyHeaders,
          body: ActivateMerchantBody,
          response: { 200: ProvisioningStatus, 202: ProvisioningStatus },
        },
      },
      async (request, reply) => {
        const { statusCode, status } = await activateMerchant({
          db: ctx.db,
          merchantId: request.params.id,
          body: request.body,
          idempotencyKey: request.headers['idempotency-key'],
          actor: { type: 'admin', id: adminOf(request).id },
        });
        return reply.status(statusCode).send(status);
      },
    );

    app.post(
      '/api/provisioning/merchants/bulk-activate',
      {
        onRequest: canWrite,
        schema: {
          tags,
          summary: 'Activate several merchants with one theme and plan; one result each',
          security,
          body: BulkActivateBody,
          response: { 202: BulkActivateResponse },
        },
      },
      async (request, reply) => {
        const results = await bulkActivateMerchants({
          db: ctx.db,
          body: request.body,
          actor: { type: 'admin', id: adminOf(request).id },
        });
        return reply.status(202).send({ results });
      },
    );

    app.get(
      '/api/provisioning/merchants/:id/provisioning-status',
      {
        onRequest: canRead,
        schema: {
          tags,
          summary: "A merchant's provisioning: status, progress, steps, errors, deployment",
          security,
          params: IdParams,
          response: { 200: ProvisioningStatus },
        },
      },
      async (request) => getProvisioningStatus({ db: ctx.db, merchantId: request.params.id }),
    );

    app.post(
      '/api/provisioning/merchants/:id/retry-provisioning',
      {
        onRequest: canWrite,
        schema: {
          tags,
          summary: 'Resume a failed provisioning at its failed step (409 when not failed)',
          security,
          params: IdParams,
          response: { 202: ProvisioningStatus },
        },
      },
      async (request, reply) =>
        reply.status(202).send(
          await retryProvisioning({
            db: ctx.db,
            merchantId: request.params.id,
            actorId: adminOf(request).id,
          }),
        ),
    );

    app.get(
      '/api/provisioning/slug-availability',
      {
        onRequest: canRead,
        schema: {
          tags,
          summary: 'Whether a store slug is valid and free, with a suggestion when it is not',
          security,
          querystring: SlugAvailabilityQuery,
          response: { 200: SlugAvailability },
        },
      },
      async (request) => checkSlugAvailability({ db: ctx.db, slug: request.query.slug }),
    );
  };
