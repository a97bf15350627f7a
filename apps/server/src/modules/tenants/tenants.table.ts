import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/merchants.table.js';
import { plans } from '../plans/plans.table.js';
import { themes } from '../themes/themes.table.js';

export const TENANT_STATUSES = ['provisioning', 'live', 'suspended'] as const;
export const tenantStatus = pgEnum('tenant_status', TENANT_STATUSES);

/** Where a tenant is served and how it was deployed; recorded when it goes live. */
export interface TenantDeployment {
  merchantCode: string;
  namespace: string;
  websiteUrl: string;
  dashboardUrl: string;
  siteVersionId: string | null;
  provisioningId: string;
}

/**
 * The platform's registry of tenants: one per activated merchant. Not tenant-owned itself —
 * host routing and login read it before any tenant context exists.
 *
 * `slug` is null between workspace creation and website deployment (the website step picks
 * it, resolving collisions); host routing never matches a null slug.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid().primaryKey().defaultRandom(),
    merchantId: uuid('merchant_id')
      .notNull()
      .unique()
      .references(() => merchants.id, { onDelete: 'restrict' }),
    namespace: text().notNull().unique(),
    slug: text().unique(),
    status: tenantStatus().notNull().default('provisioning'),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
    deployment: jsonb().$type<TenantDeployment>(),
    liveAt: timestamp('live_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Prefix searches (`slug like 'acme-%'`) when resolving slug collisions.
  (t) => [index('tenants_slug_prefix_idx').using('btree', t.slug.op('text_pattern_ops'))],
);
