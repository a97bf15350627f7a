/** Provisioning: data hooks (status, activate, retry, bulk, slug availability). */
import type {
  ActivateMerchantBody,
  BulkActivateBody,
  BulkActivateResponse,
  ProvisioningStatus,
  SlugAvailability,
} from '@orbit360/contracts';
import { isApiError, queryKeys, type ApiClient } from '@orbit360/ui';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useApi } from '../../lib/api.js';

// crypto.randomUUID exists only in secure contexts (https, localhost).
const randomKey = () =>
  globalThis.crypto?.randomUUID?.() ??
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

const base = (merchantId: string) =>
  `/api/provisioning/merchants/${encodeURIComponent(merchantId)}`;

/** Query options for one merchant's provisioning status; `null` when never activated (404). */
export function provisioningStatusQuery(api: ApiClient, merchantId: string) {
  return {
    queryKey: queryKeys.provisioning.status(merchantId),
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
      try {
        return await api.get<ProvisioningStatus>(`${base(merchantId)}/provisioning-status`, {
          signal,
        });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  };
}

export function useProvisioningStatus(
  merchantId: string,
  options: {
    refetchInterval?: UseQueryOptions<ProvisioningStatus | null>['refetchInterval'];
    enabled?: boolean;
  } = {},
) {
  const api = useApi();
  return useQuery({
    ...provisioningStatusQuery(api, merchantId),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval ?? false,
  });
}

export function useActivateMerchant(merchantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivateMerchantBody) =>
      api.post<ProvisioningStatus>(`${base(merchantId)}/activate`, body, {
        // One activation per click even when the request is retried by the network layer.
        headers: { 'idempotency-key': `activate-${merchantId}-${randomKey()}` },
      }),
    onSuccess: (status) => {
      queryClient.setQueryData(queryKeys.provisioning.status(merchantId), status);
      void queryClient.invalidateQueries({ queryKey: queryKeys.merchants.all });
    },
  });
}

export function useRetryProvisioning(merchantId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ProvisioningStatus>(`${base(merchantId)}/retry-provisioning`),
    onSuccess: (status) => {
      if (status?.steps)
        queryClient.setQueryData(queryKeys.provisioning.status(merchantId), status);
      void queryClient.invalidateQueries({ queryKey: queryKeys.provisioning.status(merchantId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.merchants.all });
    },
  });
}

export function useBulkActivate() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkActivateBody) =>
      api.post<BulkActivateResponse>('/api/provisioning/merchants/bulk-activate', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.merchants.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.provisioning.statuses() });
    },
  });
}

/**
 * Whether a store slug is free. `undefined` data while unknown; the activation request
 * validates the slug again, so a missing endpoint only costs the early hint.
 */
export function useSlugAvailability(slug: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.provisioning.slug(slug),
    queryFn: ({ signal }) =>
      api.get<SlugAvailability>('/api/provisioning/slug-availability', {
        signal,
        query: { slug },
      }),
    enabled: enabled && slug.length > 0,
    staleTime: 10_000,
    retry: false,
  });
}
