import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ThemeConfigSchema, ThemePreview, ThemeTemplates } from '@orbit360/contracts';

export const themes = pgTable('themes', {
  id: uuid().primaryKey().defaultRandom(),
  key: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(''),
  preview: jsonb().$type<ThemePreview>().notNull(),
  configSchema: jsonb('config_schema').$type<ThemeConfigSchema>().notNull(),
  templates: jsonb().$type<ThemeTemplates>().notNull(),
  isSystem: boolean('is_system').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(100),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
