import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreatePlanBody, IdParams, Plan, PlanList, UpdatePlanBody } from '@orbit360/contracts';
import type { PlansDeps } from './plans.deps.js';
import { adminOf, requireAdmin } from '../../platform/http/guards.js';
import { createPlan, deletePlan, listPlans, updatePlan } from './plan-use-cases.js';

export const plansRoutes =
  (ctx: PlansDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const canRead = requireAdmin(ctx.sessions, 'read');
    const canWrite = requireAdmin(ctx.sessions, 'write');
    const base = { tags: ['plans'], security: [{ bearerAuth: [] }] };

    app.get(
      '/api/provisioning/plans',
      {
        onRequest: canRead,
        schema: {
          ...base,
          summary: 'List plans (archived ones with includeArchived=true)',
          querystring: z.object({ includeArchived: z.stringbool().default(false) }),
          response: { 200: PlanList },
        },
      },
      async (request) => ({
        items: await listPlans({ db: ctx.db, includeArchived: request.query.includeArchived }),
      }),
    );

    app.post(
      '/api/provisioning/plans',
      {
        onRequest: canWrite,
        schema: {
          ...base,
          summary: 'Create a plan',
          body: CreatePlanBody,
          response: { 201: Plan },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createPlan({ db: ctx.db, input: request.body, actorId: adminOf(request).id }),
          ),
    );

    app.put(
      '/api/provisioning/plans/:id',
      {
        onRequest: canWrite,
        schema: {
          ...base,
          summary: 'Update or archive a plan',
          params: IdParams,
          body: UpdatePlanBody,
          response: { 200: Plan },
        },
      },
      async (request) =>
        updatePlan({
          db: ctx.db,
          id: request.params.id,
          input: request.body,
          actorId: adminOf(request).id,
        }),
    );

    app.delete(
      '/api/provisioning/plans/:id',
      {
        onRequest: canWrite,
        schema: { ...base, summary: 'Delete an unused plan', params: IdParams },
      },
      async (request, reply) => {
        await deletePlan({ db: ctx.db, id: request.params.id, actorId: adminOf(request).id });
        return reply.status(204).send();
      },
    );
  };
