export { tenants, tenantStatus, TENANT_STATUSES } from './tenants.table.js';
