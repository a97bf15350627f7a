/**
 * Keeps cached server state fresh from realtime events: each event invalidates the queries it
 * affects (batched, so a burst of provisioning steps causes one refetch per query). Events
 * carry ids only; the data is re-read over HTTP.
 */
import type { AnyRealtimeEvent } from '@orbit360/contracts';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { invalidateSoon } from '../lib/invalidate-soon.js';
import { useRealtimeEvent, useRealtimeReady } from '../lib/realtime.js';
import { auditKeys } from './audit/audit.hooks.js';
import { emailKeys } from './emails/emails.hooks.js';
import { merchantKeys } from './merchants/merchants.hooks.js';
import { planKeys } from './plans/plans.hooks.js';
import { provisioningKeys } from './provisioning/provisioning.hooks.js';
import { themeKeys } from './themes/themes.hooks.js';

export function keysForEvent(event: AnyRealtimeEvent): QueryKey[] {
  switch (event.type) {
    case 'merchant.signed_up':
      return [merchantKeys.lists()];
    case 'merchant.status_changed':
    case 'merchant.suspended':
    case 'merchant.reactivated':
      return [merchantKeys.lists(), merchantKeys.detail(event.data.merchantId), auditKeys.all];
    case 'provisioning.queued':
    case 'provisioning.completed':
    case 'provisioning.failed':
      return [
        provisioningKeys.status(event.data.merchantId),
        merchantKeys.lists(),
        merchantKeys.detail(event.data.merchantId),
        emailKeys.all,
        auditKeys.all,
      ];
    case 'provisioning.step_started':
    case 'provisioning.step_completed':
    case 'provisioning.step_failed':
    case 'provisioning.retried':
      return [
        provisioningKeys.status(event.data.merchantId),
        ...(event.type === 'provisioning.step_completed' && event.data.step === 'credentials'
          ? [emailKeys.all]
          : []),
      ];
    case 'theme.changed':
      return [themeKeys.all];
    case 'plan.changed':
      return [planKeys.all];
    default:
      return [];
  }
}

export function useRealtimeSync() {
  const queryClient = useQueryClient();
  useRealtimeEvent((event) => invalidateSoon(queryClient, keysForEvent(event)));
  // Missed events were pruned (or the server lost our position): re-read everything shown.
  useRealtimeReady((frame) => {
    if (frame.resync) void queryClient.invalidateQueries();
  });
}
