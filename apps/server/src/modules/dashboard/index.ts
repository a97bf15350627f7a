export { createDashboardConfigs, seedOnboardingChecklists } from './setup-dashboard.js';
