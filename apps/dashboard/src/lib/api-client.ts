/**
 * The dashboard's API client (the shared kit's fetch client): base URL from the runtime
 * config, bearer token from the merchant session, and a 401 on an authenticated call ends the
 * session — the token expired or was revoked.
 */
import { createApiClient } from '@orbit360/ui';
import { getRuntimeConfig } from './runtime-config.js';
import { getSession, signOut } from './session-store.js';

export { ApiError, isApiError } from '@orbit360/ui';

export const api = createApiClient({
  baseUrl: () => getRuntimeConfig().apiUrl,
  getToken: () => getSession()?.token,
  onUnauthorized: () => signOut('expired'),
});

/** Signs out here and ends the session on the server: its token stops working everywhere. */
export function endSession() {
  // The request takes the token before signOut() forgets it.
  void api.post('/api/auth/merchant/logout').catch(() => {});
  signOut();
}
