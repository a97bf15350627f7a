import type { RealtimeEventMap } from '@orbit360/contracts';
import type { Tx } from '../../platform/database/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';

/**
 * Records `catalog.changed` in the change's transaction (outside the tenant scope: the event
 * log is a platform table). Every instance's storefront drops the tenant's cached pages.
 */
export async function publishCatalogChange(
  tx: Tx,
  write: { tenantId: string; actor: AuditEntry['actor'] },
  data: RealtimeEventMap['catalog.changed'],
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
  await publishEvent(tx, 'catalog.changed', data, { tenantId: write.tenantId });
}
