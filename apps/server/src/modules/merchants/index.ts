export { merchants, merchantStatus } from './merchants.table.js';
export { createMerchantApplicationHandler, MERCHANT_APPLICATION_TASK } from './signup-merchant.js';
export { createMerchant } from './create-merchant.js';
export { recordMerchantApplication } from './record-merchant-application.js';
export { transitionMerchants, lockMerchants, attachWorkspaces } from './transition-merchants.js';
export { renameMerchantStore } from './rename-merchant-store.js';
