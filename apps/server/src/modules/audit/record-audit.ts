import { insertJsonRows, type Executor } from '../../platform/database/index.js';
import { auditLog } from './audit.table.js';

export interface AuditEntry {
  actor: { type: 'admin' | 'merchant' | 'system' | 'public'; id?: string };
  action: string;
  target: { type: string; id?: string };
  tenantId?: string;
  data?: Record<string, unknown>;
}

/** Appends to the audit log (one statement for any number of entries); call it inside the
 * transaction that makes the change. */
export async function recordAudit(db: Executor, entries: AuditEntry | AuditEntry[]) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return;
  await insertJsonRows(
    db,
    auditLog,
    list.map((entry) => ({
      actorType: entry.actor.type,
      actorId: entry.actor.id ?? null,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      tenantId: entry.tenantId ?? null,
      data: entry.data ?? {},
    })),
  );
}
