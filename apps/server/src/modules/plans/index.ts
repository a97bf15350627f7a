export { plans } from './plans.table.js';
export { seedPlans } from './seed-plans.js';
export { getPlan } from './plan-use-cases.js';
export { type PlanRow } from './plan.dto.js';
