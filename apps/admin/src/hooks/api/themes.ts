/** Themes: data hooks (list, create, update/archive, delete). */
import type { CreateThemeBody, Theme, ThemeDetail, UpdateThemeBody } from '@orbit360/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@orbit360/ui';
import { useApi } from '../../lib/api.js';

export function useThemes(includeArchived = false) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.themes.list(includeArchived),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: Theme[] }>('/api/provisioning/themes', {
          signal,
          query: { includeArchived },
        })
      ).items,
    staleTime: 30_000,
  });
}

export function useCreateTheme() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateThemeBody) => api.post<ThemeDetail>('/api/provisioning/themes', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.themes.all }),
  });
}

export function useUpdateTheme() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateThemeBody }) =>
      api.put<ThemeDetail>(`/api/provisioning/themes/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.themes.all }),
  });
}

export function useDeleteTheme() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/provisioning/themes/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.themes.all }),
  });
}
