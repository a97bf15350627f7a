/** Plans: query keys and data hooks (list, create, update/archive, delete). */
import type { CreatePlanBody, Plan, UpdatePlanBody } from '@orbit360/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../lib/api.js';

export const planKeys = {
  all: ['plans'] as const,
  lists: () => [...planKeys.all, 'list'] as const,
  list: (includeArchived: boolean) => [...planKeys.lists(), { includeArchived }] as const,
};

export function usePlans(includeArchived = false) {
  const api = useApi();
  return useQuery({
    queryKey: planKeys.list(includeArchived),
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export function useUpdatePlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePlanBody }) =>
      api.put<Plan>(`/api/provisioning/plans/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export function useDeletePlan() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/provisioning/plans/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}
