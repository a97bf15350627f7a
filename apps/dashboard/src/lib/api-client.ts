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
