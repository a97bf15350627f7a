/** Merchants: query keys and data hooks (lists with per-status counts, one merchant, lifecycle). */
import type {
  Merchant,
  MerchantList,
  MerchantStatus,
  PasswordLinkSentResponse,
} from '@orbit360/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api.js';
import { auditKeys } from '../audit/audit.hooks.js';
import { emailKeys } from '../emails/emails.hooks.js';

export interface MerchantListParams {
  status?: MerchantStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const merchantKeys = {
  all: ['merchants'] as const,
  lists: () => [...merchantKeys.all, 'list'] as const,
  list: (params: MerchantListParams) => [...merchantKeys.lists(), params] as const,
  details: () => [...merchantKeys.all, 'detail'] as const,
  detail: (id: string) => [...merchantKeys.details(), id] as const,
};

export function useMerchants(params: MerchantListParams) {
  const api = useApi();
  return useQuery({
    queryKey: merchantKeys.list(params),
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
    queryKey: merchantKeys.detail(id),
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
      if (merchant?.id) queryClient.setQueryData(merchantKeys.detail(id), merchant);
      void queryClient.invalidateQueries({ queryKey: merchantKeys.all });
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
      void queryClient.invalidateQueries({ queryKey: emailKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
