/**
 * Live updates for the merchant: the shared realtime client (`connectRealtime` from
 * @orbit360/contracts) on `/api/realtime`, authenticated by the session token. The server
 * sends only this tenant's events; the client resumes after disconnects without gaps.
 * Handlers re-read state over HTTP — events carry ids, not documents.
 */
import { useEffect, useRef, useState } from 'react';
import { connectRealtime, REALTIME_CLOSE_CODES, type AnyRealtimeEvent } from '@orbit360/contracts';
import { getRuntimeConfig } from './runtime-config.js';
import { signOut } from './session-store.js';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface UseRealtimeOptions {
  token: string | null;
  onEvent(event: AnyRealtimeEvent): void;
  /** After each (re)connection, once missed events are delivered. */
  onReady?(info: { resync: boolean }): void;
}

export function useRealtime({ token, onEvent, onReady }: UseRealtimeOptions): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const isSupported = typeof WebSocket !== 'undefined';
  const handlers = useRef({ onEvent, onReady });
  useEffect(() => {
    handlers.current = { onEvent, onReady };
  });

  useEffect(() => {
    if (!token || !isSupported) return;
    const connection = connectRealtime({
      url: getRuntimeConfig().realtimeUrl,
      token,
      onEvent: (event) => handlers.current.onEvent(event),
      onReady: (frame) => handlers.current.onReady?.({ resync: frame.resync }),
      onStatus: (next, detail) => {
        // The server ended the session (logout elsewhere, new password, suspension).
        if (detail?.code === REALTIME_CLOSE_CODES.sessionEnded) signOut('expired');
        setStatus(next === 'open' ? 'live' : next === 'closed' ? 'offline' : next);
      },
    });
    return () => connection.close();
  }, [token, isSupported]);

  return token && isSupported ? status : 'offline';
}
