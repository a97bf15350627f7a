export { auditLog } from './audit.table.js';
export { recordAudit, type AuditEntry } from './record-audit.js';
