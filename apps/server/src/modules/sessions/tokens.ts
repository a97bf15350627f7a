/**
 * Signed session tokens (JWT, HS256 only). A token names its session (`sid`); the session row
 * decides whether it still counts (sessions.ts). Admin and merchant tokens carry different
 * audiences, so one can never be used where the other is expected. A token without `exp`,
 * `iat`, `sub` or `sid`, or older than its audience's lifetime, is refused even if signed.
 */
import { SignJWT, jwtVerify } from 'jose';
import type { AdminRole } from '@orbit360/contracts';
import { AppError } from '../../platform/errors.js';
import type { AdminPrincipal, MerchantPrincipal, Principal } from '../../platform/http/guards.js';

const ISSUER = 'orbit360';
export const ADMIN_AUDIENCE = 'orbit360:admin';
export const MERCHANT_AUDIENCE = 'orbit360:merchant';

/** Who a token is for, without the session (which the session service creates). */
export type AdminIdentity = Omit<AdminPrincipal, 'kind' | 'sessionId'>;
export type MerchantIdentity = Omit<MerchantPrincipal, 'kind' | 'sessionId'>;

export interface TokenService {
  signAdmin(admin: AdminIdentity & { sessionId: string }): Promise<string>;
  signMerchant(account: MerchantIdentity & { sessionId: string }): Promise<string>;
  /** Checks signature, audience and lifetime; says nothing about whether the session lives. */
  verify(token: string): Promise<Principal>;
  /** How long a session of this kind lasts, in milliseconds. */
  lifetimeMs(kind: Principal['kind']): number;
}

export const sessionExpiredError = () =>
  new AppError('UNAUTHENTICATED', 'Session token is missing, expired or invalid');

export function createTokenService(options: {
  secret: string;
  adminTtlMs: number;
  merchantTtlMs: number;
}): TokenService {
  const key = new TextEncoder().encode(options.secret);
  const lifetimeMs = (kind: Principal['kind']) =>
    kind === 'admin' ? options.adminTtlMs : options.merchantTtlMs;
  const sign = (claims: Record<string, unknown>, subject: string, audience: string, ttl: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor((Date.now() + ttl) / 1000))
      .sign(key);
  const verifyFor = (audience: string, kind: Principal['kind']) => (token: string) =>
    jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience,
      requiredClaims: ['exp', 'iat', 'sub', 'sid'],
      // Caps the lifetime whatever `exp` says (+ a minute of clock skew).
      maxTokenAge: `${Math.ceil(lifetimeMs(kind) / 1000) + 60}s`,
    });

  return {
    lifetimeMs,
    signAdmin: (admin) =>
      sign(
        { sid: admin.sessionId, email: admin.email, role: admin.role },
        admin.id,
        ADMIN_AUDIENCE,
        options.adminTtlMs,
      ),
    signMerchant: (account) =>
      sign(
        {
          sid: account.sessionId,
          mid: account.merchantId,
          tid: account.tenantId,
          role: account.role,
        },
        account.id,
        MERCHANT_AUDIENCE,
        options.merchantTtlMs,
      ),
    async verify(token) {
      const audience = audienceOf(token);
      try {
        if (audience === ADMIN_AUDIENCE) {
          const { payload } = await verifyFor(ADMIN_AUDIENCE, 'admin')(token);
          return {
            kind: 'admin',
            id: String(payload.sub),
            sessionId: String(payload.sid),
            email: String(payload.email),
            role: payload.role as AdminRole,
          };
        }
        const { payload } = await verifyFor(MERCHANT_AUDIENCE, 'merchant')(token);
        return {
          kind: 'merchant',
          id: String(payload.sub),
          sessionId: String(payload.sid),
          merchantId: String(payload.mid),
          tenantId: String(payload.tid),
          role: String(payload.role),
        };
      } catch {
        throw sessionExpiredError();
      }
    },
  };
}

/** The (unverified) audience, to pick the lifetime to verify against. */
function audienceOf(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    return Array.isArray(payload.aud) ? String(payload.aud[0]) : String(payload.aud);
  } catch {
    return undefined;
  }
}
