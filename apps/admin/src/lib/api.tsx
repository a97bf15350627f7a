import { createApiClient, type ApiClient } from '@orbit360/ui';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useRuntimeConfig } from './runtime.js';
import { readStoredSession, useSession } from './session.js';

const ApiContext = createContext<ApiClient | null>(null);

/** The API client of the signed-in admin; a 401 on an authenticated call ends the session. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { apiUrl } = useRuntimeConfig();
  const { signOut } = useSession();
  const client = useMemo(
    () =>
      createApiClient({
        baseUrl: apiUrl,
        // Read at request time: a query started right after sign-in already carries the token.
        getToken: () => readStoredSession()?.token,
        onUnauthorized: () => signOut('expired'),
      }),
    [apiUrl, signOut],
  );
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** Signs out here and ends the session on the server: its token stops working everywhere. */
export function useSignOut() {
  const api = useApi();
  const { signOut } = useSession();
  return useCallback(() => {
    // The request takes the token before signOut() forgets it.
    void api.post('/api/auth/admin/logout').catch(() => {});
    signOut();
  }, [api, signOut]);
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}
