export { tenants, tenantStatus } from './tenants.table.js';
export { createTenants } from './create-tenant.js';
export { setTenantStatus, markTenantsLive } from './set-tenant-status.js';
export { setTenantThemes, assignTenantSlugs, type AssignedSlug } from './tenant-site.js';
