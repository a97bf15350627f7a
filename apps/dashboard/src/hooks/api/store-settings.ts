/**
 * The store's own settings (name, tagline, contact, currency, timezone, locale). Like the
 * overview, the tenant in the key only keeps two sessions from sharing a cache entry; the
 * server always answers for the token's tenant.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StoreSettings, UpdateStoreSettingsBody } from '@orbit360/contracts';
import { api } from '../../lib/api-client.js';
import { overviewKeys } from './overview.js';

export const storeSettingsKeys = {
  all: ['merchant', 'store-settings'] as const,
  detail: (tenantId: string) => [...storeSettingsKeys.all, tenantId] as const,
  update: () => [...storeSettingsKeys.all, 'update'] as const,
};

export function useStoreSettings(tenantId: string) {
  return useQuery({
    queryKey: storeSettingsKeys.detail(tenantId),
    queryFn: ({ signal }) => api.get<StoreSettings>('/api/merchant/store', { signal }),
  });
}

/** Saves changed fields only; the answer replaces the cache and the overview (store name) refetches. */
export function useUpdateStoreSettings(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: storeSettingsKeys.update(),
    mutationFn: (input: UpdateStoreSettingsBody) =>
      api.put<StoreSettings>('/api/merchant/store', input),
    onSuccess: (settings) => {
      queryClient.setQueryData(storeSettingsKeys.detail(tenantId), settings);
      void queryClient.invalidateQueries({ queryKey: overviewKeys.all });
    },
  });
}
