/**
 * Keeps cached server state fresh from this tenant's realtime events (the dashboard's
 * counterpart of the admin's `hooks/realtime-sync.ts`). Every event refreshes the overview
 * (bursts collapse into one request); settings are refetched only when they changed, or after
 * a reconnection (events may have been missed) — an open settings form keeps unsaved edits
 * across the refetch. `catalog.changed` refreshes products, collections and usage (an open
 * editor keeps its edits and notices the newer revision). Events carry ids only; the data is
 * re-read over HTTP.
 */
import type { AnyRealtimeEvent } from '@orbit360/contracts';
import { queryKeys } from '@orbit360/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useRealtime, type LiveStatus } from '../lib/realtime.js';
import { useRefreshOverview } from './api/overview.js';

export function useRealtimeSync(token: string | null): LiveStatus {
  const queryClient = useQueryClient();
  const refresh = useRefreshOverview();
  const refreshSettings = () =>
    void queryClient.invalidateQueries({ queryKey: queryKeys.storeSettings.all });
  const refreshCatalog = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.products.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.collections.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.usage.all });
  };
  return useRealtime({
    token,
    onEvent: (event: AnyRealtimeEvent) => {
      refresh();
      if (event.type === 'store.settings_updated') refreshSettings();
      if (event.type === 'catalog.changed') refreshCatalog();
    },
    onReady: () => {
      refresh();
      refreshSettings();
      refreshCatalog();
    },
  });
}
