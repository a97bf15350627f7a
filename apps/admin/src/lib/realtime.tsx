/**
 * One realtime connection per signed-in admin (connectRealtime from @orbit360/contracts:
 * resumes with `since`, reconnects with backoff). Components subscribe to events with
 * `useRealtimeEvent` and read the connection state with `useRealtimeStatus` — screens poll
 * over HTTP only while the socket is not open.
 */
import {
  connectRealtime,
  REALTIME_CLOSE_CODES,
  type AnyRealtimeEvent,
  type RealtimeReadyFrame,
  type RealtimeStatus,
} from '@orbit360/contracts';
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useRuntimeConfig } from './runtime.js';
import { useSession } from './session.js';

type Listener = (event: AnyRealtimeEvent) => void;
type ReadyListener = (frame: RealtimeReadyFrame) => void;

interface RealtimeContextValue {
  status: RealtimeStatus;
  subscribe(listener: Listener): () => void;
  onReady(listener: ReadyListener): () => void;
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { realtimeUrl } = useRuntimeConfig();
  const { session, signOut } = useSession();
  const token = session?.token;
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const listeners = useRef(new Set<Listener>());
  const readyListeners = useRef(new Set<ReadyListener>());

  useEffect(() => {
    if (!token || typeof WebSocket === 'undefined') return;
    const connection = connectRealtime({
      url: realtimeUrl,
      token,
      onEvent: (event) => listeners.current.forEach((listener) => listener(event)),
      onReady: (frame) => readyListeners.current.forEach((listener) => listener(frame)),
      onStatus: (next, detail) => {
        // The server ended the session (logout elsewhere, password reset).
        if (detail?.code === REALTIME_CLOSE_CODES.sessionEnded) signOut('expired');
        setStatus(next);
      },
    });
    return () => connection.close();
  }, [realtimeUrl, token, signOut]);

  const value = useMemo<RealtimeContextValue>(
    () => ({
      status,
      subscribe(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      onReady(listener) {
        readyListeners.current.add(listener);
        return () => readyListeners.current.delete(listener);
      },
    }),
    [status],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

/** 'unavailable' outside a RealtimeProvider (e.g. in component tests): callers then poll. */
export function useRealtimeStatus(): RealtimeStatus | 'unavailable' {
  return useContext(RealtimeContext)?.status ?? 'unavailable';
}

/** Calls `handler` for every realtime event; the latest handler is used without resubscribing. */
export function useRealtimeEvent(handler: Listener) {
  const context = useContext(RealtimeContext);
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => context?.subscribe((event) => ref.current(event)), [context]);
}

/** Calls `handler` after each (re)connect, once missed events are delivered. */
export function useRealtimeReady(handler: ReadyListener) {
  const context = useContext(RealtimeContext);
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => context?.onReady((frame) => ref.current(frame)), [context]);
}
