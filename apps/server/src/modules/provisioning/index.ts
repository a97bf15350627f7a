export { provisionings, provisioningSteps } from './provisioning.table.js';
export { activateMerchant } from './activate-merchant.js';
export { getProvisioningStatus } from './get-provisioning-status.js';
export { retryProvisioning } from './retry-provisioning.js';
export { bulkActivateMerchants } from './bulk-activate-merchants.js';
export { createProvisioningRunner, RUN_PROVISIONING_TASK } from './run-provisioning.js';
export { createFaults, parseFaults, noFaults, type Faults, type FaultRule } from './faults.js';
export { welcomeMessageId } from './steps/deliver-credentials.step.js';
