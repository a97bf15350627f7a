import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  PROVISIONING_STATUSES,
  STEP_STATUSES,
  type ActivationSettings,
  type ProvisioningStepKey,
} from '@orbit360/contracts';
import { merchants } from '../merchants/merchants.table.js';
import { plans } from '../plans/plans.table.js';
import { themes } from '../themes/themes.table.js';

export const provisioningStatus = pgEnum('provisioning_status', PROVISIONING_STATUSES);
export const provisioningStepStatus = pgEnum('provisioning_step_status', STEP_STATUSES);

export interface ProvisioningActor {
  type: 'admin' | 'system';
  id?: string;
}

/**
 * One provisioning run per merchant (unique): the workflow's durable state. Platform-level
 * (it exists before the tenant does). `slug` is the store slug the run reserved — explicitly
 * requested at activation, or chosen by the website step — unique so two runs never get one.
 */
export const provisionings = pgTable(
  'provisionings',
  {
    id: uuid().primaryKey().defaultRandom(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id'),
    status: provisioningStatus().notNull().default('queued'),
    progress: smallint().notNull().default(0),
    currentStep: text('current_step').$type<ProvisioningStepKey>(),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => themes.id, { onDelete: 'restrict' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    storeName: text('store_name').notNull(),
    settings: jsonb().$type<ActivationSettings>().notNull().default({}),
    slug: text(),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    requestedBy: jsonb('requested_by').$type<ProvisioningActor>().notNull(),
    error: jsonb().$type<{ step: ProvisioningStepKey; message: string; attempt: number }>(),
    manualRetries: smallint('manual_retries').notNull().default(0),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('provisionings_merchant_key').on(t.merchantId),
    uniqueIndex('provisionings_slug_key').on(t.slug),
    index('provisionings_slug_prefix_idx').using('btree', t.slug.op('text_pattern_ops')),
    index('provisionings_status_idx')
      .on(t.status, t.queuedAt)
      .where(sql`status in ('queued', 'running')`),
  ],
);

/**
 * The six steps of a run. A step commits its own state: `attempts` counts every attempt,
 * `attemptBase` is the count when the last manual retry began (the automatic retry budget
 * applies from there), `retryAt` is set while an automatic retry waits for its backoff.
 */
export const provisioningSteps = pgTable(
  'provisioning_steps',
  {
    provisioningId: uuid('provisioning_id')
      .notNull()
      .references(() => provisionings.id, { onDelete: 'cascade' }),
    key: text().$type<ProvisioningStepKey>().notNull(),
    position: smallint().notNull(),
    status: provisioningStepStatus().notNull().default('pending'),
    attempts: smallint().notNull().default(0),
    attemptBase: smallint('attempt_base').notNull().default(0),
    retryAt: timestamp('retry_at', { withTimezone: true }),
    error: jsonb().$type<{ message: string; attempt: number }>(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    output: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.provisioningId, t.key] })],
);
