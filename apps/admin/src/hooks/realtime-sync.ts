/**
 * Keeps cached server state fresh from realtime events: each event invalidates the queries it
 * affects (batched, so a burst of provisioning steps causes one refetch per query). Events
 * carry ids only; the data is re-read over HTTP.
 */
import type { AnyRealtimeEvent } from '@orbit360/contracts';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { queryKeys } from '@orbit360/ui';
import { invalidateSoon } from '../lib/invalidate-soon.js';
import { useRealtimeEvent, useRealtimeReady } from '../lib/realtime.js';

export function keysForEvent(event: AnyRealtimeEvent): QueryKey[] {
  switch (event.type) {
    case 'merchant.signed_up':
      return [queryKeys.merchants.lists()];
    case 'merchant.renamed':
    case 'merchant.status_changed':
    case 'merchant.suspended':
    case 'merchant.reactivated':
      return [
        queryKeys.merchants.lists(),
        queryKeys.merchants.detail(event.data.merchantId),
        queryKeys.audit.all,
      ];
    case 'provisioning.queued':
    case 'provisioning.completed':
    case 'provisioning.failed':
      return [
        queryKeys.provisioning.status(event.data.merchantId),
        queryKeys.merchants.lists(),
        queryKeys.merchants.detail(event.data.merchantId),
        queryKeys.emails.all,
        queryKeys.audit.all,
      ];
    case 'provisioning.step_started':
    case 'provisioning.step_completed':
    case 'provisioning.step_failed':
    case 'provisioning.retried':
      return [
        queryKeys.provisioning.status(event.data.merchantId),
        ...(event.type === 'provisioning.step_completed' && event.data.step === 'credentials'
          ? [queryKeys.emails.all]
          : []),
      ];
    case 'theme.changed':
      return [queryKeys.themes.all];
    case 'plan.changed':
      return [queryKeys.plans.all];
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
