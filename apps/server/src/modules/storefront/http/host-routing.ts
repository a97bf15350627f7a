/**
 * Host-based routing. A request whose Host is `<slug>.<platform domain>` belongs to that store,
 * whatever its path: Fastify's `rewriteUrl` maps it onto the internal `/store/<slug>/<path>`
 * route before routing, and remembers the raw request (a WeakSet, nothing is written on the
 * message) so the handler knows links must not carry the `/store/<slug>` prefix; the handler
 * then carries that on the typed `request.storefront` (serve-storefront.ts). Every other host is the platform host, where API routes live
 * and `/store/<slug>/…` is the path fallback. Consequently a store host can never reach
 * another store's content: `a.<domain>/store/b/` is path `/store/b/` inside store `a` (its 404).
 */
import type { IncomingMessage } from 'node:http';
import type { Config } from '../../../platform/config.js';

/** Raw requests that reached a store through its own host name (rewritten by `rewriteUrl`). */
const storeHostRequests = new WeakSet<IncomingMessage>();
const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Stands in for a store label that cannot be a slug; no tenant can ever have it. */
const INVALID_LABEL = '_';

/** Host name without its port, lowercased (`Shop.LocalHost:5000` → `shop.localhost`). */
export function hostnameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return (colon === -1 ? lower : lower.slice(0, colon)).replace(/\.$/, '');
}

export const isValidSlug = (value: string) => SLUG_RE.test(value);

/**
 * The store label of a Host header, or undefined for the platform host. Ports are ignored on
 * both sides, so `shop.localhost:5000`, `shop.localhost` and `SHOP.localhost:8080` are `shop`.
 */
export function storeLabelOf(host: string | undefined, platformHostname: string) {
  if (!host) return undefined;
  const hostname = hostnameOf(host);
  if (hostname.length <= platformHostname.length + 1) return undefined;
  if (!hostname.endsWith(`.${platformHostname}`)) return undefined;
  const label = hostname.slice(0, -(platformHostname.length + 1));
  return isValidSlug(label) ? label : INVALID_LABEL;
}

/** The `rewriteUrl` option for Fastify (see the header comment). Allocation-light: hot path. */
export function createStorefrontUrlRewriter(config: Config) {
  const platformHostname = hostnameOf(config.platform.domain);
  return function rewriteUrl(req: IncomingMessage): string {
    const url = req.url ?? '/';
    const label = storeLabelOf(req.headers.host, platformHostname);
    if (label === undefined) return url;
    storeHostRequests.add(req);
    return `/store/${label}${url.startsWith('/') ? url : `/${url}`}`;
  };
}

/** True when the request reached the store through its own host name (not the path fallback). */
export function isStoreHostRequest(req: IncomingMessage): boolean {
  return storeHostRequests.has(req);
}
