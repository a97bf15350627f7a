/**
 * The merchant's products. Lists keep the previous page on screen while the next loads; a
 * save replaces the cached product and refreshes the lists and usage (counts change with
 * status). `PUT` carries the revision the editor started from as `If-Match` (409 when stale).
 */
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { Product, ProductInputBody, ProductList, RemovedSamples } from '@orbit360/contracts';
import { queryKeys, type ProductListParams } from '@orbit360/ui';
import { api } from '../../lib/api-client.js';

const refreshCatalog = (queryClient: QueryClient) => {
  void queryClient.invalidateQueries({ queryKey: queryKeys.products.lists() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.usage.all });
  void queryClient.invalidateQueries({ queryKey: queryKeys.collections.all });
  void queryClient.invalidateQueries({ queryKey: queryKeys.overview.all });
};

export function useProducts(tenantId: string, params: ProductListParams) {
  return useQuery({
    queryKey: queryKeys.products.list(tenantId, params),
    queryFn: ({ signal }) =>
      api.get<ProductList>('/api/merchant/products', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProduct(tenantId: string, id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.products.detail(tenantId, id ?? ''),
    queryFn: ({ signal }) => api.get<Product>(`/api/merchant/products/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export const putProduct = (id: string, revision: number, input: ProductInputBody) =>
  api.put<Product>(`/api/merchant/products/${id}`, input, {
    headers: { 'if-match': `"${revision}"` },
  });

/** Creates (no id) or replaces (id + revision) the whole product document. */
export function useSaveProduct(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: { id?: string; revision?: number; input: ProductInputBody }) =>
      save.id
        ? putProduct(save.id, save.revision ?? 0, save.input)
        : api.post<Product>('/api/merchant/products', save.input),
    onSuccess: (product) => {
      queryClient.setQueryData(queryKeys.products.detail(tenantId, product.id), product);
      refreshCatalog(queryClient);
    },
  });
}

export function useDeleteProduct(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/merchant/products/${id}`),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.products.detail(tenantId, id) });
      refreshCatalog(queryClient);
    },
  });
}

export function useRemoveSampleProducts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RemovedSamples>('/api/merchant/products/remove-samples'),
    onSuccess: () => refreshCatalog(queryClient),
  });
}

/** For bulk edits: the lists and usage refresh once after the last of several saves. */
export function useRefreshCatalog() {
  const queryClient = useQueryClient();
  return () => refreshCatalog(queryClient);
}
