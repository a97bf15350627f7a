import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ThemeSettings } from '@orbit360/contracts';
import { tenantIdColumn, tenantPolicy } from '../../platform/database/tenant.js';
import { tenants } from '../tenants/tenants.table.js';

/** A store's identity and preferences. Tenant-owned: one row per tenant, RLS forced. */
export const storeProfiles = pgTable(
  'store_profiles',
  {
    tenantId: tenantIdColumn()
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    tagline: text().notNull().default(''),
    logoText: text('logo_text').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    currency: text().notNull().default('USD'),
    timezone: text().notNull().default('UTC'),
    locale: text().notNull().default('en-US'),
    themeSettings: jsonb('theme_settings').$type<ThemeSettings>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [tenantPolicy('store_profiles')],
);
