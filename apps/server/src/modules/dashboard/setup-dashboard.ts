import { insertJsonRows, type Executor } from '../../platform/database/index.js';
import { dashboardConfigs, onboardingTasks, type DashboardConfig } from './dashboard.table.js';

const DEFAULT_CONFIG: DashboardConfig = {
  home: 'overview',
  widgets: ['store-status', 'onboarding', 'recent-orders', 'sales'],
  density: 'comfortable',
};

/** The onboarding checklist every new store starts with, in order. */
export const DEFAULT_ONBOARDING_TASKS = [
  {
    key: 'set_password',
    label: 'Choose your password',
    description: 'Use the link in your welcome email to secure your account.',
  },
  {
    key: 'review_settings',
    label: 'Review your store settings',
    description: 'Check your store name, currency, time zone and contact email.',
  },
  {
    key: 'customize_theme',
    label: 'Customize your theme',
    description: 'Pick colors, fonts and layout, then publish.',
  },
  {
    key: 'add_product',
    label: 'Add your first product',
    description: 'Replace the sample products with your own.',
  },
  {
    key: 'review_pages',
    label: 'Review your pages',
    description: 'Make the About, Contact and policy pages yours.',
  },
  {
    key: 'visit_store',
    label: 'Visit your live store',
    description: 'See your website as your customers will.',
  },
] as const;

/** Default dashboard configuration of tenants. Idempotent; run inside their tenant scope. */
export async function createDashboardConfigs(tx: Executor, tenantIds: string[]) {
  await insertJsonRows(
    tx,
    dashboardConfigs,
    tenantIds.map((tenantId) => ({ tenantId, config: DEFAULT_CONFIG })),
    { onConflictDoNothing: true },
  );
}

/** The default onboarding checklist of tenants. Idempotent; run inside their tenant scope. */
export async function seedOnboardingChecklists(tx: Executor, tenantIds: string[]) {
  await insertJsonRows(
    tx,
    onboardingTasks,
    tenantIds.flatMap((tenantId) =>
      DEFAULT_ONBOARDING_TASKS.map((task, position) => ({ tenantId, ...task, position })),
    ),
    { onConflictDoNothing: true },
  );
}
