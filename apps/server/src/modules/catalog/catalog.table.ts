/**
 * The catalog's tables: products, their variants, collections and the ordered membership of
 * products in collections. All tenant-owned: `tenant_id` first in every key, foreign keys
 * include it (a row can only point at its own tenant's rows), RLS policy on each table.
 */
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
 * An image of a product, in display order: one of the store's uploaded media items
 * (`mediaId`), or a `url` — an absolute https URL, or `placeholder:<kind>:<hue>` for the
 * generated artwork sample products use (rendered as an SVG by the storefront).
 */
export type ProductImage = { mediaId: string; alt: string } | { url: string; alt: string };

/** One product option (Size, Color…) and its values in display order. */
export interface ProductOption {
  name: string;
  values: string[];
}

export type ProductStatus = 'draft' | 'active' | 'archived';

/** A store's products. `description` is sanitised HTML; prices live on the variants. */
export const products = pgTable(
  'products',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    handle: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    status: text().$type<ProductStatus>().notNull().default('active'),
    options: jsonb().$type<ProductOption[]>().notNull().default([]),
    images: jsonb().$type<ProductImage[]>().notNull().default([]),
    seoTitle: text('seo_title').notNull().default(''),
    seoDescription: text('seo_description').notNull().default(''),
    isFeatured: boolean('is_featured').notNull().default(false),
    isSample: boolean('is_sample').notNull().default(false),
    /** Bumped by every save; `PUT` must name the revision it read (If-Match). */
    revision: integer().notNull().default(1),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('products_tenant_handle_key').on(t.tenantId, t.handle),
    index('products_tenant_listing_idx').on(t.tenantId, t.status, t.sortOrder, t.createdAt),
    tenantPolicy('products'),
  ],
);

/** A purchasable variant of a product: one combination of its option values. */
export const productVariants = pgTable(
  'product_variants',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    productId: uuid('product_id').notNull(),
    position: integer().notNull(),
    /** One value per product option, in the product's option order. */
    optionValues: jsonb('option_values').$type<string[]>().notNull().default([]),
    sku: text(),
    priceCents: integer('price_cents').notNull(),
    compareAtPriceCents: integer('compare_at_price_cents'),
    inventoryQuantity: integer('inventory_quantity').notNull().default(0),
    trackInventory: boolean('track_inventory').notNull().default(false),
    allowBackorder: boolean('allow_backorder').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('product_variants_tenant_product_position_key').on(
      t.tenantId,
      t.productId,
      t.position,
    ),
    foreignKey({
      name: 'product_variants_product_fk',
      columns: [t.tenantId, t.productId],
      foreignColumns: [products.tenantId, products.id],
    }).onDelete('cascade'),
    tenantPolicy('product_variants'),
  ],
);

/** A store's manual collections (shown on the storefront at /collections/<handle>). */
export const collections = pgTable(
  'collections',
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
    uniqueIndex('collections_tenant_handle_key').on(t.tenantId, t.handle),
    tenantPolicy('collections'),
  ],
);

/** Which products a collection holds, in the collection's order (`position`). */
export const collectionProducts = pgTable(
  'collection_products',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    collectionId: uuid('collection_id').notNull(),
    productId: uuid('product_id').notNull(),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.collectionId, t.productId] }),
    index('collection_products_tenant_order_idx').on(t.tenantId, t.collectionId, t.position),
    index('collection_products_tenant_product_idx').on(t.tenantId, t.productId),
    foreignKey({
      name: 'collection_products_collection_fk',
      columns: [t.tenantId, t.collectionId],
      foreignColumns: [collections.tenantId, collections.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'collection_products_product_fk',
      columns: [t.tenantId, t.productId],
      foreignColumns: [products.tenantId, products.id],
    }).onDelete('cascade'),
    tenantPolicy('collection_products'),
  ],
);
