/** Audit log: query keys and data hook. */
import type { AuditList } from '@orbit360/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/api.js';

export interface AuditParams {
  targetId?: string;
  targetType?: string;
  action?: string;
  page?: number;
  pageSize?: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (params: AuditParams) => [...auditKeys.lists(), params] as const,
};

export function useAuditLog(params: AuditParams, options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: auditKeys.list(params),
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
