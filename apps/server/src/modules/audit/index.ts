export { auditLog } from './audit.table.js';
export { recordAudit, type AuditEntry } from './record-audit.js';
export { listAudit } from './list-audit.js';
export { auditRoutes } from './audit.routes.js';
