/** The store's usage against its plan's limits (`limit: null` = unlimited). */
import { useQuery } from '@tanstack/react-query';
import type { CatalogUsage } from '@orbit360/contracts';
import { queryKeys } from '@orbit360/ui';
import { api } from '../../lib/api-client.js';

export function useUsage(tenantId: string) {
  return useQuery({
    queryKey: queryKeys.usage.detail(tenantId),
    queryFn: ({ signal }) => api.get<CatalogUsage>('/api/merchant/usage', { signal }),
  });
}

/** True when one more would pass the limit. */
export const isAtLimit = (usage: { used: number; limit: number | null } | undefined) =>
  usage?.limit != null && usage.used >= usage.limit;
