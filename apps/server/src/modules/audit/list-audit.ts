import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { AuditList, AuditQuery } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';
import { auditLog } from './audit.table.js';

/** The audit log, newest first, filtered by target, action or actor. */
export async function listAudit(options: { db: Executor; query: AuditQuery }): Promise<AuditList> {
  const { db, query } = options;
  const filters: SQL[] = [];
  if (query.targetType) filters.push(eq(auditLog.targetType, query.targetType));
  if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
  const where = and(...filters);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      actor: { type: row.actorType, id: row.actorId },
      action: row.action,
      target: { type: row.targetType, id: row.targetId },
      tenantId: row.tenantId,
      data: row.data,
      at: row.at.toISOString(),
    })),
    total: totals[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
