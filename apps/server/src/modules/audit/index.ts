export { auditLog } from './audit.table.js';
export { recordAudit } from './record-audit.js';
