import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MerchantOverview, StoreSettings, UpdateStoreSettingsBody } from '@orbit360/contracts';
import type { DashboardDeps } from './dashboard.deps.js';
import { merchantOf, requireMerchant } from '../../platform/http/guards.js';
import { getStoreSettings, updateStoreSettings } from '../stores/index.js';
import { getMerchantOverview } from './get-merchant-overview.js';

export const dashboardRoutes =
  (ctx: DashboardDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/merchant/overview',
      {
        onRequest: requireMerchant(ctx.sessions),
        schema: {
          tags: ['merchant dashboard'],
          summary: "The signed-in merchant's store: status, URLs, plan, theme, onboarding",
          security: [{ bearerAuth: [] }],
          response: { 200: MerchantOverview },
        },
      },
      async (request) => getMerchantOverview({ ctx, principal: merchantOf(request) }),
    );

    app.get(
      '/api/merchant/store',
      {
        onRequest: requireMerchant(ctx.sessions),
        schema: {
          tags: ['merchant dashboard'],
          summary: "The signed-in merchant's store settings",
          security: [{ bearerAuth: [] }],
          response: { 200: StoreSettings },
        },
      },
      async (request) => getStoreSettings({ db: ctx.db, tenantId: merchantOf(request).tenantId }),
    );

    app.put(
      '/api/merchant/store',
      {
        onRequest: requireMerchant(ctx.sessions),
        schema: {
          tags: ['merchant dashboard'],
          summary: "Update store settings (broadcast to the tenant's open sessions and to admins)",
          security: [{ bearerAuth: [] }],
          body: UpdateStoreSettingsBody,
          response: { 200: StoreSettings },
        },
      },
      async (request) => {
        const principal = merchantOf(request);
        const settings = await updateStoreSettings({
          db: ctx.db,
          tenantId: principal.tenantId,
          input: request.body,
          actor: { type: 'merchant', id: principal.id },
        });
        // Answer once this instance has followed the change's event: its storefront (which
        // decides what an event invalidates, follow-events.ts) already serves the new settings.
        await ctx.realtime.caughtUp();
        return settings;
      },
    );
  };
