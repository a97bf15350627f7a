/**
 * Providers and router of the merchant dashboard. Routes are organised by domain under
 * src/routes/<domain>/<screen>/.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ToastProvider } from '@orbit360/ui';
import { useState } from 'react';
import { RouterProvider, createBrowserRouter, createMemoryRouter } from 'react-router-dom';
import { isApiError } from './lib/api-client.js';
import { routes } from './routes/routes.js';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Client errors (401/403/404…) will not fix themselves; network and 5xx may.
        retry: (count, error) =>
          count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

export function App({ initialPath }: { initialPath?: string }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() =>
    initialPath
      ? createMemoryRouter(routes, { initialEntries: [initialPath] })
      : createBrowserRouter(routes),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
}
