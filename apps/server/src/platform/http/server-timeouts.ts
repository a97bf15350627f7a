/**
 * Bounds on how long one client may hold a connection (ADR 051): the request line and headers
 * within `headersMs`, the whole request (headers and body) within `requestMs` — a slowly
 * dripped body is cut off with 408 —, an idle socket closed after `idleMs`, and a keep-alive
 * connection with no next request after `keepAliveMs`. Shared by the API and the SPA servers.
 */
import type { Config } from '../config.js';

export function serverTimeouts(timeouts: Config['http']['timeouts']) {
  return {
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      // Node checks the two timeouts above on this period (default 30 s, which would let a
      // client keep a connection up to 30 s past its limit).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, timeouts.headersMs / 2)),
    },
  };
}
