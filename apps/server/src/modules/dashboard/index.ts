export { dashboardConfigs, onboardingTasks } from './dashboard.table.js';
export { dashboardRoutes } from './dashboard.routes.js';
export {
  createDashboardConfigs,
  seedOnboardingChecklists,
  DEFAULT_ONBOARDING_TASKS,
} from './setup-dashboard.js';
export { getMerchantOverview } from './get-merchant-overview.js';
