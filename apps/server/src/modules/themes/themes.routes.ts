import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateThemeBody,
  IdParams,
  ThemeDetail,
  ThemeList,
  UpdateThemeBody,
} from '@orbit360/contracts';
import type { ThemesDeps } from './themes.deps.js';
import { adminOf, requireAdmin } from '../../platform/http/guards.js';
import { createTheme } from './create-theme.js';
import { deleteTheme } from './delete-theme.js';
import { getThemeDetail } from './get-theme.js';
import { listThemes } from './list-themes.js';
import { updateTheme } from './update-theme.js';

export const themesRoutes =
  (ctx: ThemesDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const canRead = requireAdmin(ctx.sessions, 'read');
    const canWrite = requireAdmin(ctx.sessions, 'write');
    const base = { tags: ['themes'], security: [{ bearerAuth: [] }] };

    app.get(
      '/api/provisioning/themes',
      {
        onRequest: canRead,
        schema: {
          ...base,
          summary: 'List themes (archived ones with includeArchived=true)',
          querystring: z.object({ includeArchived: z.stringbool().default(false) }),
          response: { 200: ThemeList },
        },
      },
      async (request) => ({
        items: await listThemes({ db: ctx.db, includeArchived: request.query.includeArchived }),
      }),
    );

    app.get(
      '/api/provisioning/themes/:id',
      {
        onRequest: canRead,
        schema: {
          ...base,
          summary: 'One theme with its templates',
          params: IdParams,
          response: { 200: ThemeDetail },
        },
      },
      async (request) => getThemeDetail({ db: ctx.db, id: request.params.id }),
    );

    app.post(
      '/api/provisioning/themes',
      {
        onRequest: canWrite,
        schema: {
          ...base,
          summary: 'Create a theme',
          body: CreateThemeBody,
          response: { 201: ThemeDetail },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await createTheme({ db: ctx.db, input: request.body, actorId: adminOf(request).id }),
          ),
    );

    app.put(
      '/api/provisioning/themes/:id',
      {
        onRequest: canWrite,
        schema: {
          ...base,
          summary: 'Update or archive a theme',
          params: IdParams,
          body: UpdateThemeBody,
          response: { 200: ThemeDetail },
        },
      },
      async (request) =>
        updateTheme({
          db: ctx.db,
          id: request.params.id,
          input: request.body,
          actorId: adminOf(request).id,
        }),
    );

    app.delete(
      '/api/provisioning/themes/:id',
      {
        onRequest: canWrite,
        schema: { ...base, summary: 'Delete an unused custom theme', params: IdParams },
      },
      async (request, reply) => {
        await deleteTheme({ db: ctx.db, id: request.params.id, actorId: adminOf(request).id });
        return reply.status(204).send();
      },
    );
  };
