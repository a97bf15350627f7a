/**
 * The merchant session, persisted in localStorage so it survives reloads and shared by every
 * tab (the `storage` event signs other tabs out too). The identity of the merchant comes only
 * from the token the API issued — never from the URL.
 */
import { tokenExpiry } from '@orbit360/ui';
import { useSyncExternalStore } from 'react';

export interface MerchantIdentity {
  id: string;
  merchantId: string;
  tenantId: string;
  role: string;
}

export interface MerchantSession {
  token: string;
  merchant: MerchantIdentity;
  /** The email typed at sign-in; null when signed in by setting a password. */
  email: string | null;
  /** Epoch milliseconds at which the token expires (from its `exp` claim), if known. */
  expiresAt: number | null;
}

export type SignOutReason = 'signed-out' | 'expired';

const STORAGE_KEY = 'orbit360.dashboard.session';
const listeners = new Set<() => void>();
let session: MerchantSession | null | undefined;
let lastSignOutReason: SignOutReason | null = null;

function isValidSession(value: unknown): value is MerchantSession {
  const s = value as MerchantSession | null;
  return Boolean(
    s &&
    typeof s.token === 'string' &&
    s.merchant &&
    typeof s.merchant.merchantId === 'string' &&
    typeof s.merchant.tenantId === 'string',
  );
}

function readStorage(): MerchantSession | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!isValidSession(parsed)) return null;
    if (parsed.expiresAt !== null && parsed.expiresAt <= Date.now()) {
      window.localStorage.removeItem(STORAGE_KEY);
      return null;
    }
    return parsed;
  } catch {
    return null;
  }
}

function emit() {
  for (const listener of listeners) listener();
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

/** Ends the session when its token expires, so the next screen asks to sign in again. */
function scheduleExpiry() {
  clearTimeout(expiryTimer);
  if (!session || session.expiresAt === null) return;
  // setTimeout holds at most ~24.8 days; a longer token is re-checked on the next load.
  const delay = Math.min(session.expiresAt - Date.now(), 2_147_483_647);
  expiryTimer = setTimeout(() => signOut('expired'), Math.max(0, delay));
}

export function getSession(): MerchantSession | null {
  if (session === undefined) {
    session = readStorage();
    scheduleExpiry();
  }
  return session;
}

export function signIn(next: Omit<MerchantSession, 'expiresAt'>) {
  session = { ...next, expiresAt: tokenExpiry(next.token)?.getTime() ?? null };
  lastSignOutReason = null;
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  scheduleExpiry();
  emit();
}

export function signOut(reason: SignOutReason = 'signed-out') {
  // Already signed out (e.g. the logout call's own 401): keep the first reason.
  if (getSession() === null) return;
  session = null;
  lastSignOutReason = reason;
  clearTimeout(expiryTimer);
  window.localStorage.removeItem(STORAGE_KEY);
  emit();
}

/** Why the last session ended, read once by the login page to explain it. */
export function takeSignOutReason(): SignOutReason | null {
  const reason = lastSignOutReason;
  lastSignOutReason = null;
  return reason;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    session = readStorage();
    scheduleExpiry();
    emit();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useSession(): MerchantSession | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}

/** For tests: forget the in-memory copy so the next read comes from localStorage. */
export function resetSessionCache() {
  clearTimeout(expiryTimer);
  session = undefined;
  lastSignOutReason = null;
}
