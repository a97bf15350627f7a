/**
 * The admin session: token + profile in localStorage (kept across reloads and shared by tabs),
 * dropped when the token expires, any API call answers 401 or the server ends the session.
 */
import type { Admin } from '@orbit360/contracts';
import { tokenExpiry } from '@orbit360/ui';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

export const SESSION_STORAGE_KEY = 'orbit360.admin.session';

export interface AdminSession {
  token: string;
  admin: Admin;
}

export type SignOutReason = 'signed_out' | 'expired';

interface SessionContextValue {
  session: AdminSession | null;
  /** Why the last session ended, to explain it on the login page. */
  endedBecause: SignOutReason | null;
  signIn(session: AdminSession): void;
  signOut(reason?: SignOutReason): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function isExpired(token: string) {
  const expiry = tokenExpiry(token);
  return expiry !== null && expiry.getTime() <= Date.now();
}

export function readStoredSession(): AdminSession | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as AdminSession;
    if (typeof parsed?.token !== 'string' || !parsed.admin || isExpired(parsed.token)) return null;
    return parsed;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<AdminSession | null>(readStoredSession);
  const [endedBecause, setEndedBecause] = useState<SignOutReason | null>(null);

  const signIn = useCallback((next: AdminSession) => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(next));
    setEndedBecause(null);
    setSession(next);
  }, []);

  const signOut = useCallback((reason: SignOutReason = 'signed_out') => {
    // Already signed out (e.g. the logout call's own 401): keep the first reason.
    if (!readStoredSession()) return;
    localStorage.removeItem(SESSION_STORAGE_KEY);
    setEndedBecause(reason);
    setSession(null);
  }, []);

  // Another tab signed in or out.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_STORAGE_KEY) setSession(readStoredSession());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  // Sign out when the token expires while the app is open.
  useEffect(() => {
    if (!session) return;
    const expiry = tokenExpiry(session.token);
    if (!expiry) return;
    const ms = expiry.getTime() - Date.now();
    if (ms > 2 ** 31 - 1) return;
    const timer = setTimeout(() => signOut('expired'), Math.max(0, ms));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const value = useMemo(
    () => ({ session, endedBecause, signIn, signOut }),
    [session, endedBecause, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Only for components that must have a signed-in admin (inside the authenticated layout). */
export function useAdmin(): Admin {
  const { session } = useSession();
  if (!session) throw new Error('useAdmin without a session');
  return session.admin;
}

/** viewer may only read; admin and super_admin may change things. */
export function useCanWrite(): boolean {
  const { session } = useSession();
  return !!session && session.admin.role !== 'viewer';
}
