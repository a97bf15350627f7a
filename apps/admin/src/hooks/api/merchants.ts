/** Merchants: data hooks (lists with per-status counts, one merchant, lifecycle). */
import type { Merchant, MerchantList, PasswordLinkSentResponse } from '@orbit360/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys, type MerchantListParams } from '@orbit360/ui';
import { useApi } from '../../lib/api.js';

export type { MerchantListParams };

export function useMerchants(params: MerchantListParams) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.merchants.list(params),
    queryFn: ({ signal }) =>
      api.get<MerchantList>('/api/admin/merchants', {
        signal,
        query: { status: params.status, q: params.q, page: params.page, pageSize: params.pageSize },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useMerchant(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.merchants.detail(id),
    queryFn: ({ signal }) =>
      api.get<Merchant>(`/api/admin/merchants/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Suspend or reactivate; both answer the updated merchant. */
export function useMerchantLifecycle(action: 'suspend' | 'reactivate') {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      api.post<Merchant>(
        `/api/admin/merchants/${encodeURIComponent(id)}/${action}`,
        reason ? { reason } : {},
      ),
    onSuccess: (merchant, { id }) => {
      if (merchant?.id) queryClient.setQueryData(queryKeys.merchants.detail(id), merchant);
      void queryClient.invalidateQueries({ queryKey: queryKeys.merchants.all });
    },
  });
}

/** Emails the owner a new set-password link (earlier links stop working); audited. */
export function useSendPasswordLink() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<PasswordLinkSentResponse>(
        `/api/admin/merchants/${encodeURIComponent(id)}/send-password-link`,
        {},
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.emails.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    },
  });
}
