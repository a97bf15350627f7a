import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditList, AuditQuery } from '@orbit360/contracts';
import type { AuditDeps } from './audit.deps.js';
import { requireAdmin } from '../../platform/http/guards.js';
import { listAudit } from './list-audit.js';

export const auditRoutes =
  (ctx: AuditDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/admin/audit',
      {
        onRequest: requireAdmin(ctx.sessions, 'read'),
        schema: {
          tags: ['audit'],
          summary: 'Who did what, and when: merchant lifecycle, catalog and admin changes',
          security: [{ bearerAuth: [] }],
          querystring: AuditQuery,
          response: { 200: AuditList },
        },
      },
      async (request) => listAudit({ db: ctx.db, query: request.query }),
    );
  };
