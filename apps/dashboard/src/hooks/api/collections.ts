/** The merchant's manual collections (title, handle, description, ordered products). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Collection, CollectionInputBody, CollectionList } from '@orbit360/contracts';
import { queryKeys } from '@orbit360/ui';
import { api } from '../../lib/api-client.js';

export function useCollections(tenantId: string) {
  return useQuery({
    queryKey: queryKeys.collections.list(tenantId),
    queryFn: ({ signal }) => api.get<CollectionList>('/api/merchant/collections', { signal }),
  });
}

export function useCollection(tenantId: string, id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.collections.detail(tenantId, id ?? ''),
    queryFn: ({ signal }) => api.get<Collection>(`/api/merchant/collections/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSaveCollection(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: { id?: string; input: CollectionInputBody }) =>
      save.id
        ? api.put<Collection>(`/api/merchant/collections/${save.id}`, save.input)
        : api.post<Collection>('/api/merchant/collections', save.input),
    onSuccess: (collection) => {
      queryClient.setQueryData(queryKeys.collections.detail(tenantId, collection.id), collection);
      void queryClient.invalidateQueries({ queryKey: queryKeys.collections.lists() });
      // Memberships show in the product editor.
      void queryClient.invalidateQueries({ queryKey: queryKeys.products.details() });
    },
  });
}

export function useDeleteCollection(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/merchant/collections/${id}`),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.collections.detail(tenantId, id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.collections.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.products.details() });
    },
  });
}
