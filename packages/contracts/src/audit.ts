import { z } from 'zod';
import { Timestamp } from './common.js';

export const AuditActorType = z.enum(['admin', 'merchant', 'system', 'public']);

/** One audit entry: who did what to which resource, and when. */
export const AuditEntry = z.object({
  id: z.number().int(),
  actor: z.object({ type: AuditActorType, id: z.string().nullable() }),
  action: z.string().describe('e.g. merchant.activated, merchant.suspended'),
  target: z.object({ type: z.string(), id: z.string().nullable() }),
  tenantId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  targetType: z.string().trim().max(40).optional(),
  targetId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(80).optional(),
  actorId: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditList = z.object({
  items: z.array(AuditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditList = z.infer<typeof AuditList>;
