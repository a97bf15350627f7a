/**
 * The store's own settings (name, tagline, contact, currency, timezone, locale). Like the
 * overview, the tenant in the key only keeps two sessions from sharing a cache entry; the
 * server always answers for the token's tenant.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StoreSettings, UpdateStoreSettingsBody } from '@orbit360/contracts';
import { queryKeys } from '@orbit360/ui';
import { api } from '../../lib/api-client.js';

export function useStoreSettings(tenantId: string) {
  return useQuery({
    queryKey: queryKeys.storeSettings.detail(tenantId),
    queryFn: ({ signal }) => api.get<StoreSettings>('/api/merchant/store', { signal }),
  });
}

/** Saves changed fields only; the answer replaces the cache and the overview (store name) refetches. */
export function useUpdateStoreSettings(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: queryKeys.storeSettings.update(),
    mutationFn: (input: UpdateStoreSettingsBody) =>
      api.put<StoreSettings>('/api/merchant/store', input),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.storeSettings.detail(tenantId), settings);
      void queryClient.invalidateQueries({ queryKey: queryKeys.overview.all });
    },
  });
}
