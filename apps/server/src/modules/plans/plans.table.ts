import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PlanLimits } from '@orbit360/contracts';

export const plans = pgTable('plans', {
  id: uuid().primaryKey().defaultRandom(),
  key: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  priceCents: integer('price_cents').notNull(),
  currency: text().notNull().default('USD'),
  interval: text().$type<'month' | 'year'>().notNull().default('month'),
  limits: jsonb().$type<PlanLimits>().notNull(),
  features: jsonb().$type<string[]>().notNull().default([]),
  isPopular: boolean('is_popular').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(100),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
