import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EmailLog, EmailLogQuery } from '@orbit360/contracts';
import type { EmailDeps } from './email.deps.js';
import { requireAdmin } from '../../platform/http/guards.js';
import { listEmails } from './list-emails.js';

export const emailRoutes =
  (ctx: EmailDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/admin/emails',
      {
        onRequest: requireAdmin(ctx.sessions, 'read'),
        schema: {
          tags: ['email'],
          summary: 'The email log (outbox): every email the platform sent or will send',
          security: [{ bearerAuth: [] }],
          querystring: EmailLogQuery,
          response: { 200: EmailLog },
        },
      },
      async (request) => listEmails({ db: ctx.db, query: request.query }),
    );
  };
