/**
 * Preview tokens: a short-lived, HMAC-signed capability to view one tenant's website (draft,
 * a given version, or the live site) whatever its status. Compact and verified synchronously,
 * so checking one costs microseconds. Format: base64url(JSON claims) "." base64url(HMAC).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../../../platform/database/index.js';

export interface PreviewClaims {
  tenantId: string;
  versionId?: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

const DEFAULT_TTL_SECONDS = 60 * 60;
const MAX_TTL_SECONDS = 7 * 24 * 60 * 60;
// A purpose-bound key, so a preview signature can never be mistaken for any other HMAC.
const keyFor = (secret: string) =>
  createHmac('sha256', secret).update('orbit360:storefront-preview').digest();

const sign = (secret: string, payload: string) =>
  createHmac('sha256', keyFor(secret)).update(payload).digest('base64url');

export function createPreviewToken(options: {
  secret: string;
  tenantId: string;
  versionId?: string;
  ttlSeconds?: number;
}): string {
  const ttl = Math.min(Math.max(options.ttlSeconds ?? DEFAULT_TTL_SECONDS, 1), MAX_TTL_SECONDS);
  const claims = {
    t: options.tenantId,
    ...(options.versionId ? { v: options.versionId } : {}),
    e: Math.floor(Date.now() / 1000) + ttl,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(options.secret, payload)}`;
}

/** The claims of a valid, unexpired token; undefined for anything else. Never throws. */
export function verifyPreviewToken(secret: string, token: unknown): PreviewClaims | undefined {
  if (typeof token !== 'string' || token.length > 512) return undefined;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!isUuid(claims.t) || typeof claims.e !== 'number') return undefined;
    if (claims.e * 1000 <= Date.now()) return undefined;
    if (claims.v !== undefined && !isUuid(claims.v)) return undefined;
    return { tenantId: claims.t, versionId: claims.v, expiresAt: claims.e };
  } catch {
    return undefined;
  }
}
