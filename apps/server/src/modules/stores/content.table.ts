import {
  boolean,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn, tenantPolicy } from '../../platform/database/tenant.js';
import { tenants } from '../tenants/tenants.table.js';

/**
 * Content pages (about, contact, policies; `home` holds the home page's hero copy). The body is
 * plain text: blank lines separate paragraphs, and it is always escaped when rendered.
 */
export const pages = pgTable(
  'pages',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    handle: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    seoDescription: text('seo_description').notNull().default(''),
    isPublished: boolean('is_published').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('pages_tenant_handle_key').on(t.tenantId, t.handle),
    tenantPolicy('pages'),
  ],
);

/** One link of a navigation menu. `url` is a store path (`/pages/about`) or an https URL. */
export interface MenuItem {
  title: string;
  url: string;
}

/** Navigation menus by handle (`main`, `footer`). Tenant-owned. */
export const menus = pgTable(
  'menus',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    handle: text().notNull(),
    title: text().notNull(),
    items: jsonb().$type<MenuItem[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.handle] }), tenantPolicy('menus')],
);

/** Shoppers who subscribed to a store's newsletter from its website. Tenant-owned. */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.email] }), tenantPolicy('newsletter_subscribers')],
);
