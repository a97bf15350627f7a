export { tenants, tenantStatus, TENANT_STATUSES, type TenantDeployment } from './tenants.table.js';
export { createTenants, type NewTenant } from './create-tenant.js';
export { setTenantStatus, markTenantsLive, type TenantStatus } from './set-tenant-status.js';
