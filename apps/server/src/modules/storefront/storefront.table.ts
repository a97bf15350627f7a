import {
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ThemeSettings } from '@orbit360/contracts';
import { tenantIdColumn, tenantPolicy } from '../../platform/database/tenant.js';
import { tenants } from '../tenants/tenants.table.js';
import { themes } from '../themes/themes.table.js';

export interface SiteActor {
  type: 'admin' | 'merchant' | 'system';
  id?: string;
}

/**
 * Immutable snapshots of a store's website: the theme and the validated setting overrides.
 * Content (products, pages, menus) is referenced live by tenant, not copied — see
 * docs/decisions/010-storefront-rendering.md. `version` counts up per tenant.
 */
export const siteVersions = pgTable(
  'site_versions',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    version: integer().notNull(),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
    settings: jsonb().$type<ThemeSettings>().notNull().default({}),
    idempotencyKey: text('idempotency_key'),
    createdBy: jsonb('created_by').$type<SiteActor>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('site_versions_tenant_version_key').on(t.tenantId, t.version),
    uniqueIndex('site_versions_tenant_idempotency_key').on(t.tenantId, t.idempotencyKey),
    tenantPolicy('site_versions'),
  ],
);

/**
 * One row per store website: which version is live, and the merchant's unpublished draft.
 * The row also serialises publishes of one tenant (SELECT … FOR UPDATE).
 */
export const sites = pgTable(
  'sites',
  {
    tenantId: tenantIdColumn()
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    liveVersionId: uuid('live_version_id'),
    draftThemeId: uuid('draft_theme_id').references(() => themes.id, { onDelete: 'restrict' }),
    draftSettings: jsonb('draft_settings').$type<ThemeSettings>(),
    draftUpdatedAt: timestamp('draft_updated_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'sites_live_version_fk',
      columns: [t.tenantId, t.liveVersionId],
      foreignColumns: [siteVersions.tenantId, siteVersions.id],
    }),
    tenantPolicy('sites'),
  ],
);
