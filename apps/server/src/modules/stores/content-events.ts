import { sql } from 'drizzle-orm';
import type { RealtimeEventMap } from '@orbit360/contracts';
import type { Tx } from '../../platform/database/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';

/**
 * Records `content.changed` in the change's transaction (outside the tenant scope: the event
 * log is a platform table). Every instance's storefront drops the tenant's cached pages.
 */
export async function publishContentChange(
  tx: Tx,
  write: { tenantId: string; actor: AuditEntry['actor'] },
  data: RealtimeEventMap['content.changed'],
) {
  await recordAudit(
    tx,
    data.ids.map((id) => ({
      actor: write.actor,
      action: `${data.resource}.${data.action}`,
      target: { type: data.resource, id },
      tenantId: write.tenantId,
    })),
  );
  await publishEvent(tx, 'content.changed', data, { tenantId: write.tenantId });
}

/** Advisory-lock class of a tenant's content writes (the second key is the tenant's hash). */
const CONTENT_LOCK_CLASS = 3_601_062;

/** Serialises one tenant's page writes, so a generated handle is chosen without races. */
export async function lockTenantContent(tx: Tx, tenantId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${CONTENT_LOCK_CLASS}, hashtext(${tenantId}))`);
}
