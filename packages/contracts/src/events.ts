/**
 * The realtime event map: event name → payload. The server publishes only through a typed
 * `publishEvent()`; clients receive `{ type, seq, at, tenantId?, data }` over the WebSocket.
 * Payloads carry ids and small facts; clients re-read full state over HTTP when needed.
 *
 * Audience: an event with a `tenantId` goes to admins and to that tenant's merchant sessions;
 * an event without one goes to admins only.
 */
import type { MerchantStatus } from './merchants.js';

export type ProvisioningStepKey =
  'workspace' | 'dashboard' | 'website' | 'data' | 'credentials' | 'golive';

export interface RealtimeEventMap {
  'merchant.signed_up': { merchantId: string; storeName: string };
  'merchant.status_changed': {
    merchantId: string;
    status: MerchantStatus;
    previous: MerchantStatus;
  };
  /** The merchant renamed the store (dashboard settings): admins' lists show the new name. */
  'merchant.renamed': { merchantId: string; storeName: string };
  'merchant.suspended': { merchantId: string };
  'merchant.reactivated': { merchantId: string };
  'provisioning.queued': { merchantId: string; provisioningId: string };
  'provisioning.step_started': {
    merchantId: string;
    provisioningId: string;
    step: ProvisioningStepKey;
    attempt: number;
  };
  'provisioning.step_completed': {
    merchantId: string;
    provisioningId: string;
    step: ProvisioningStepKey;
    progress: number;
    durationMs: number;
  };
  'provisioning.step_failed': {
    merchantId: string;
    provisioningId: string;
    step: ProvisioningStepKey;
    attempt: number;
    message: string;
    willRetry: boolean;
  };
  'provisioning.retried': { merchantId: string; provisioningId: string; step: ProvisioningStepKey };
  'provisioning.completed': {
    merchantId: string;
    provisioningId: string;
    durationMs: number;
    /** Where the store now answers. */
    websiteUrl: string;
  };
  'provisioning.failed': {
    merchantId: string;
    provisioningId: string;
    step: ProvisioningStepKey;
    message: string;
  };
  'theme.changed': { themeId: string; action: 'created' | 'updated' | 'archived' | 'deleted' };
  'plan.changed': { planId: string; action: 'created' | 'updated' | 'archived' | 'deleted' };
  'store.settings_updated': { fields: string[] };
  'store.theme_customized': { themeId: string };
  'site.published': { versionId: string; version: number };
  /** An uploaded image's resized copies exist (status `ready`); re-read it for its URLs. */
  'media.ready': { mediaId: string; widths: number[] };
  /** An uploaded image could not be processed (status `failed`, e.g. a corrupt file). */
  'media.failed': { mediaId: string; message: string };
  /** Products or collections of the tenant changed: its storefront pages are stale. */
  'catalog.changed': {
    resource: 'product' | 'collection';
    action: 'created' | 'updated' | 'deleted';
    ids: string[];
  };
  /** Pages or navigation menus of the tenant changed: its storefront pages are stale. */
  'content.changed': {
    resource: 'page' | 'navigation';
    action: 'created' | 'updated' | 'deleted';
    ids: string[];
  };
  /** Sessions that ended (logout, password change, suspension, admin action): refused now. */
  'session.ended': { sessionIds: string[]; reason: SessionEndReason };
}

/** Why a session ended before it expired. */
export type SessionEndReason =
  'logout' | 'password_changed' | 'merchant_suspended' | 'ended_by_admin';

export type RealtimeEventType = keyof RealtimeEventMap;

export interface RealtimeEvent<K extends RealtimeEventType = RealtimeEventType> {
  type: K;
  /** Monotonically increasing across the platform, in commit order. */
  seq: number;
  at: string;
  tenantId?: string;
  data: RealtimeEventMap[K];
}

/** Any event, discriminated by `type` (for exhaustive handling in clients). */
export type AnyRealtimeEvent = { [K in RealtimeEventType]: RealtimeEvent<K> }[RealtimeEventType];
