/** Email log: query keys and data hook. */
import type { EmailLog, EmailStatus } from '@orbit360/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/api.js';

export interface EmailLogParams {
  to?: string;
  status?: EmailStatus;
  page?: number;
}

export const emailKeys = {
  all: ['emails'] as const,
  lists: () => [...emailKeys.all, 'list'] as const,
  list: (params: EmailLogParams) => [...emailKeys.lists(), params] as const,
};

export function useEmailLog(params: EmailLogParams) {
  const api = useApi();
  return useQuery({
    queryKey: emailKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<EmailLog>('/api/admin/emails', {
        signal,
        query: { to: params.to, status: params.status, page: params.page, pageSize: 20 },
      }),
    placeholderData: keepPreviousData,
  });
}
