/** Audit log: data hook (keys: `queryKeys.audit` from @orbit360/ui). */
import type { AuditList } from '@orbit360/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys, type AuditParams } from '@orbit360/ui';
import { useApi } from '../../lib/api.js';

export type { AuditParams };

export function useAuditLog(params: AuditParams, options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.audit.list(params),
    queryFn: ({ signal }) =>
      api.get<AuditList>('/api/admin/audit', {
        signal,
        query: {
          targetId: params.targetId,
          targetType: params.targetType,
          action: params.action,
          page: params.page,
          pageSize: params.pageSize ?? 50,
        },
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
