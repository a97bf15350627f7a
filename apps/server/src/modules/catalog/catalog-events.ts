import type { RealtimeEventMap } from '@orbit360/contracts';
import type { Tx } from '../../platform/database/index.js';
import { publishEvent } from '../realtime/index.js';

/**
 * Records `catalog.changed` in the change's transaction (outside the tenant scope: the event
 * log is a platform table). Every instance's storefront drops the tenant's cached pages.
 */
export function publishCatalogChange(
  tx: Tx,
  tenantId: string,
  data: RealtimeEventMap['catalog.changed'],
) {
  return publishEvent(tx, 'catalog.changed', data, { tenantId });
}
