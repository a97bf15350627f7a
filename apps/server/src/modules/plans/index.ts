export { plans } from './plans.table.js';
export { plansRoutes } from './plans.routes.js';
export { seedPlans } from './seed-plans.js';
export { listPlans, getPlan, createPlan, updatePlan, deletePlan } from './plan-use-cases.js';
export { toPlanDto, type PlanRow } from './plan.dto.js';
