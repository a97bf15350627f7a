import { jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantIdColumn, tenantPolicy } from '../../platform/database/tenant.js';
import { tenants } from '../tenants/tenants.table.js';

/** Per-tenant dashboard preferences, created with defaults when the dashboard is set up. */
export interface DashboardConfig {
  home: 'overview';
  widgets: string[];
  density: 'comfortable' | 'compact';
}

export const dashboardConfigs = pgTable(
  'dashboard_configs',
  {
    tenantId: tenantIdColumn()
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    config: jsonb().$type<DashboardConfig>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [tenantPolicy('dashboard_configs')],
);

/** The onboarding checklist a new store starts with; `done_at` marks a completed task. */
export const onboardingTasks = pgTable(
  'onboarding_tasks',
  {
    tenantId: tenantIdColumn().references(() => tenants.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    label: text().notNull(),
    description: text().notNull().default(''),
    position: smallint().notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] }), tenantPolicy('onboarding_tasks')],
);
