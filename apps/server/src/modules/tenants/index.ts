export { tenants, tenantStatus, TENANT_STATUSES, type TenantDeployment } from './tenants.table.js';
export { createTenant } from './create-tenant.js';
export { setTenantStatus, markTenantLive, type TenantStatus } from './set-tenant-status.js';
