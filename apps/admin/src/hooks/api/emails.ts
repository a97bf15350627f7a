/** Email log: data hook (keys: `queryKeys.emails` from @orbit360/ui). */
import type { EmailLog } from '@orbit360/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys, type EmailLogParams } from '@orbit360/ui';
import { useApi } from '../../lib/api.js';

export type { EmailLogParams };

export function useEmailLog(params: EmailLogParams) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.emails.list(params),
    queryFn: ({ signal }) =>
      api.get<EmailLog>('/api/admin/emails', {
        signal,
        query: { to: params.to, status: params.status, page: params.page, pageSize: 20 },
      }),
    placeholderData: keepPreviousData,
  });
}
