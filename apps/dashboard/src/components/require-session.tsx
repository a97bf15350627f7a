import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../lib/session-store.js';

/**
 * Guards the signed-in screens. Without a session it sends the visitor to the login page,
 * keeping `?merchant=` (a hint for the login form, never a credential) and where to return.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session) return <Outlet />;
  const params = new URLSearchParams(location.search);
  const next = new URLSearchParams();
  const merchant = params.get('merchant');
  if (merchant) next.set('merchant', merchant);
  if (location.pathname !== '/') next.set('next', location.pathname);
  const query = next.toString();
  return <Navigate to={`/login${query ? `?${query}` : ''}`} replace />;
}
