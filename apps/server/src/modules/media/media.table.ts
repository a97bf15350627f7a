import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MediaMimeType, MediaSize, MediaStatus } from '@orbit360/contracts';
import { tenantIdColumn, tenantPolicy } from '../../platform/database/tenant.js';
import { tenants } from '../tenants/tenants.table.js';

/**
 * A store's uploaded images (tenant-owned). The original is kept in storage under
 * `original_key`; the resized WebP copies (`sizes`) are made by the `media.process` job.
 * `bytes + derived_bytes` is what the item counts against the plan's storage limit.
 */
export const media = pgTable(
  'media',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    originalKey: text('original_key').notNull(),
    mimeType: text('mime_type').$type<MediaMimeType>().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    bytes: bigint({ mode: 'number' }).notNull(),
    status: text().$type<MediaStatus>().notNull().default('processing'),
    sizes: jsonb().$type<MediaSize[]>().notNull().default([]),
    derivedBytes: bigint('derived_bytes', { mode: 'number' }).notNull().default(0),
    alt: text().notNull().default(''),
    error: text(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('media_tenant_created_idx').on(t.tenantId, t.createdAt),
    tenantPolicy('media'),
  ],
);

export type MediaRow = typeof media.$inferSelect;
