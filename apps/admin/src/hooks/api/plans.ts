/** Plans: data hooks (list, create, update/archive, delete). */
import type { CreatePlanBody, Plan, UpdatePlanBody } from '@orbit360/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@orbit360/ui';
import { useApi } from '../../lib/api.js';

export function usePlans(includeArchived = false) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.plans.list(includeArchived),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: Plan[] }>('/api/provisioning/plans', {
          signal,
          query: { includeArchived },
        })
      ).items,
    staleTime: 30_000,
  });
}

export function useCreatePlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanBody) => api.post<Plan>('/api/provisioning/plans', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.plans.all }),
  });
}

export function useUpdatePlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePlanBody }) =>
      api.put<Plan>(`/api/provisioning/plans/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.plans.all }),
  });
}

export function useDeletePlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/provisioning/plans/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.plans.all }),
  });
}
