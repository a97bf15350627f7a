/**
 * The storefront's one invalidation path: every instance follows the realtime stream and
 * decides here which events change what a store serves. Publishing, rollback and status
 * changes made through any instance (or a worker) clear every instance's caches in commit
 * order; the instance that made a change does not wait for the stream (see publish-site.ts and
 * the status routes, which let the stream catch up before answering).
 */
import type { AnyRealtimeEvent, ProvisioningStepKey, RealtimeEventType } from '@orbit360/contracts';

/** What following the stream needs of the storefront's caches. */
export interface StorefrontInvalidation {
  invalidateTenant(tenantId: string): void;
  invalidateAll(): void;
}

/** What following needs of the realtime hub (structural: any event source will do). */
export interface EventSource {
  subscribe(subscriber: (event: AnyRealtimeEvent) => void): () => void;
}

/** Events that change what a tenant's storefront renders or whether it is served at all. */
const TENANT_EVENTS = new Set<RealtimeEventType>([
  'site.published',
  'catalog.changed',
  'content.changed',
  'store.settings_updated',
  'merchant.status_changed',
  'merchant.suspended',
  'merchant.reactivated',
  'provisioning.completed',
  // A product image finished processing: pages showing its original now get its srcset.
  'media.ready',
  'media.failed',
]);

/** Provisioning steps whose completion changes a store's pages (its starter content). */
const STOREFRONT_STEPS = new Set<ProvisioningStepKey>(['data']);

/** Applies one event to the caches. */
export function applyStorefrontEvent(event: AnyRealtimeEvent, cache: StorefrontInvalidation) {
  // A theme's templates may back any tenant's pages.
  if (event.type === 'theme.changed' && event.data.action !== 'created') {
    cache.invalidateAll();
  } else if (
    event.tenantId &&
    (TENANT_EVENTS.has(event.type) ||
      (event.type === 'provisioning.step_completed' && STOREFRONT_STEPS.has(event.data.step)))
  ) {
    // Without a tenant there is no storefront yet (a merchant activated, or failing before its
    // workspace exists): nothing cached can be stale.
    cache.invalidateTenant(event.tenantId);
  }
}

/** Subscribes the caches to the stream; returns the unsubscribe function. */
export function followStorefrontEvents(hub: EventSource, cache: StorefrontInvalidation) {
  return hub.subscribe((event) => applyStorefrontEvent(event, cache));
}
