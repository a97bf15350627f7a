import {
  boolean,
  integer,
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
 * sanitised rich text (HTML, the catalog's allowlist), output as stored by the storefront;
 * plain-text bodies of older stores became escaped paragraphs in migration 0020 (ADR 062).
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
    /** Seeded with the store and never saved by the merchant since (a rename may rewrite it). */
    isSample: boolean('is_sample').notNull().default(false),
    /** Bumped by every save; a `PUT` names the one it edited (If-Match). */
    revision: integer().notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('pages_tenant_handle_key').on(t.tenantId, t.handle),
    tenantPolicy('pages'),
  ],
);

/** A rendered link of a navigation menu: a store path (`/pages/about`) or an https URL. */
export interface MenuItem {
  title: string;
  url: string;
}

/**
 * One stored menu item: a link to a collection, product or page by id (resolved to its current
 * URL when read, so a renamed handle never breaks a menu), or to a URL.
 */
export type StoredMenuItem =
  | { type: 'collection' | 'product' | 'page'; id: string; title: string }
  | { type: 'url'; url: string; title: string };

/** Navigation menus by handle (`main`, `footer`). Tenant-owned. */
export const menus = pgTable(
  'menus',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    handle: text().notNull(),
    title: text().notNull(),
    items: jsonb().$type<StoredMenuItem[]>().notNull().default([]),
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
