/**
 * The merchant's navigation API: the main and footer menus, each a list of links to the
 * store's collections, products and pages (by id) or to URLs. A save publishes
 * `content.changed` and answers once this instance's storefront has followed it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Navigation, NavigationInput } from '@orbit360/contracts';
import { merchantOf, merchantWrite, requireMerchant } from '../../platform/http/guards.js';
import { getNavigation, updateNavigation } from './navigation.js';
import type { StoresDeps } from './stores.deps.js';

export const navigationRoutes =
  (deps: StoresDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['content'], security: [{ bearerAuth: [] }] };
    const onRequest = requireMerchant(deps.sessions);

    app.get(
      '/api/merchant/navigation',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'The main and footer menus, each link with its current URL',
          description: 'A link whose collection, product or page is gone has `url: null`.',
          response: { 200: Navigation },
        },
      },
      async (request) => getNavigation({ db: deps.db, tenantId: merchantOf(request).tenantId }),
    );

    app.put(
      '/api/merchant/navigation',
      {
        onRequest,
        schema: {
          ...base,
          summary: 'Replace both menus',
          description:
            'At most 50 items a menu. Links name a collection, product or page of this store ' +
            'by id (400 with the item path otherwise) or a URL: a store path or https.',
          body: NavigationInput,
          response: { 200: Navigation },
        },
      },
      async (request) => {
        const navigation = await updateNavigation({
          db: deps.db,
          ...merchantWrite(request),
          input: request.body,
        });
        await deps.realtime.caughtUp();
        return navigation;
      },
    );
  };
