/**
 * The merchant's overview (store, plan, theme, onboarding). The tenant is whoever the session
 * token says it is — the key includes it only so two sessions never share a cache entry.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { MerchantOverview } from '@orbit360/contracts';
import { queryKeys } from '@orbit360/ui';
import { api } from '../../lib/api-client.js';

export function useOverview(tenantId: string) {
  return useQuery({
    queryKey: queryKeys.overview.detail(tenantId),
    queryFn: ({ signal }) => api.get<MerchantOverview>('/api/merchant/overview', { signal }),
  });
}

/**
 * Returns a function that refetches the overview soon. Bursts of events (a provisioning emits
 * several per second) collapse into one request.
 */
export function useRefreshOverview(delayMs = 120) {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.overview.all });
    }, delayMs);
  }, [queryClient, delayMs]);
}
