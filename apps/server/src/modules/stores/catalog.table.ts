import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
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
 * An image of a product: an absolute https URL, or `placeholder:<kind>:<hue>` for the generated
 * artwork sample products use (rendered as an SVG by the storefront, no network needed).
 */
export interface ProductImage {
  url: string;
  alt: string;
}

/** A store's product categories (shown as collections on the storefront). Tenant-owned. */
export const categories = pgTable(
  'categories',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    handle: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('categories_tenant_handle_key').on(t.tenantId, t.handle),
    tenantPolicy('categories'),
  ],
);

/** A store's products. Prices are integer cents in `currency`. Tenant-owned. */
export const products = pgTable(
  'products',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    handle: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    priceCents: integer('price_cents').notNull(),
    compareAtPriceCents: integer('compare_at_price_cents'),
    currency: text().notNull().default('USD'),
    images: jsonb().$type<ProductImage[]>().notNull().default([]),
    categoryId: uuid('category_id'),
    isFeatured: boolean('is_featured').notNull().default(false),
    inStock: boolean('in_stock').notNull().default(true),
    status: text().$type<'active' | 'draft'>().notNull().default('active'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('products_tenant_handle_key').on(t.tenantId, t.handle),
    index('products_tenant_listing_idx').on(t.tenantId, t.status, t.sortOrder, t.createdAt),
    index('products_tenant_category_idx')
      .on(t.tenantId, t.categoryId)
      .where(sql`${t.categoryId} is not null`),
    foreignKey({
      name: 'products_category_fk',
      columns: [t.tenantId, t.categoryId],
      foreignColumns: [categories.tenantId, categories.id],
    }),
    tenantPolicy('products'),
  ],
);
