import type { Executor } from '../../platform/database/index.js';
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

/** Default dashboard configuration of a tenant. Idempotent; run inside the tenant scope. */
export async function createDashboardConfig(tx: Executor, input: { tenantId: string }) {
  await tx
    .insert(dashboardConfigs)
    .values({ tenantId: input.tenantId, config: DEFAULT_CONFIG })
    .onConflictDoNothing();
}

/** The default onboarding checklist. Idempotent; run inside the tenant scope. */
export async function seedOnboardingChecklist(tx: Executor, input: { tenantId: string }) {
  await tx
    .insert(onboardingTasks)
    .values(
      DEFAULT_ONBOARDING_TASKS.map((task, position) => ({
        tenantId: input.tenantId,
        ...task,
        position,
      })),
    )
    .onConflictDoNothing();
}
