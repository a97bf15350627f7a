import { isApiError } from '@orbit360/ui';
import { QueryClient } from '@tanstack/react-query';

/** Retries only what may succeed on retry (network errors, 5xx), never 4xx answers. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        retry: (count, error) =>
          count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
