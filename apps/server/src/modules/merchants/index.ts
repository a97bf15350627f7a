export { merchants, merchantStatus } from './merchants.table.js';
export { merchantsRoutes } from './merchants.routes.js';
export { getMerchant } from './get-merchant.js';
export { listMerchants } from './list-merchants.js';
export {
  signupMerchant,
  createMerchantApplicationHandler,
  MERCHANT_APPLICATION_TASK,
} from './signup-merchant.js';
export { createMerchant, insertPendingMerchant, type ApplicationInput } from './create-merchant.js';
export {
  recordMerchantApplication,
  type ApplicationOutcome,
} from './record-merchant-application.js';
export { toMerchantDto, type MerchantRow } from './merchant.dto.js';
export { suspendMerchant, reactivateMerchant } from './change-merchant-status.js';
export {
  transitionMerchants,
  lockMerchants,
  attachWorkspaces,
  type MerchantTransition,
  type TransitionResult,
} from './transition-merchants.js';
