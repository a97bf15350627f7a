/**
 * Storefront page caches live in each instance's memory; they are invalidated through the
 * realtime stream, so a publish or a status change handled by any instance (or a worker)
 * clears every instance's cache for that tenant in commit order.
 */
import type { RealtimeEventType } from '@orbit360/contracts';
import type { RealtimeHub } from './realtime-hub.js';

/** What the storefront exposes for invalidation (structural: no import of that module). */
export interface StorefrontCache {
  invalidateTenant(tenantId: string): void;
  invalidateAll(): void;
}

/** Events that change what a tenant's storefront renders or whether it is served at all. */
const TENANT_EVENTS = new Set<RealtimeEventType>([
  'site.published',
  'store.settings_updated',
  'merchant.status_changed',
  'merchant.suspended',
  'merchant.reactivated',
  'provisioning.completed',
]);

export function invalidateStorefrontOnEvents(hub: RealtimeHub, cache: StorefrontCache) {
  return hub.subscribe((event) => {
    // A theme's templates may back any tenant's pages.
    if (event.type === 'theme.changed' && event.data.action !== 'created') {
      cache.invalidateAll();
    } else if (TENANT_EVENTS.has(event.type) && event.tenantId) {
      // Without a tenant there is no storefront yet (a merchant activated, or failing
      // before its workspace exists): nothing cached can be stale.
      cache.invalidateTenant(event.tenantId);
    }
  });
}
