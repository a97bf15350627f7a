import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MERCHANT_STATUSES } from '@orbit360/contracts';
import { plans } from '../plans/plans.table.js';
import { themes } from '../themes/themes.table.js';

export const merchantStatus = pgEnum('merchant_status', MERCHANT_STATUSES);

/** Platform-level record of a merchant's application and lifecycle (not tenant-owned). */
export const merchants = pgTable(
  'merchants',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeName: text('store_name').notNull(),
    ownerName: text('owner_name').notNull(),
    email: text().notNull(),
    phone: text(),
    country: text(),
    businessType: text('business_type'),
    description: text(),
    status: merchantStatus().notNull().default('pending'),
    merchantCode: text('merchant_code').unique(),
    tenantId: uuid('tenant_id'),
    themeId: uuid('theme_id').references(() => themes.id, { onDelete: 'restrict' }),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('merchants_email_key').on(sql`lower(${t.email})`),
    index('merchants_status_created_idx').on(t.status, t.createdAt),
  ],
);
