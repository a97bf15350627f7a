/**
 * Signed session tokens (JWT, HS256 only). Admin and merchant tokens carry different audiences,
 * so one can never be used where the other is expected.
 */
import { SignJWT, jwtVerify } from 'jose';
import type { AdminRole } from '@orbit360/contracts';
import { AppError } from '../../platform/errors.js';

const ISSUER = 'orbit360';
export const ADMIN_AUDIENCE = 'orbit360:admin';
export const MERCHANT_AUDIENCE = 'orbit360:merchant';

export interface AdminPrincipal {
  kind: 'admin';
  id: string;
  email: string;
  role: AdminRole;
}

export interface MerchantPrincipal {
  kind: 'merchant';
  id: string;
  merchantId: string;
  tenantId: string;
  role: string;
}

export type Principal = AdminPrincipal | MerchantPrincipal;

export interface TokenService {
  signAdmin(admin: Omit<AdminPrincipal, 'kind'>): Promise<string>;
  signMerchant(account: Omit<MerchantPrincipal, 'kind'>): Promise<string>;
  verify(token: string): Promise<Principal>;
}

export function createTokenService(options: {
  secret: string;
  adminTtl: string;
  merchantTtl: string;
}): TokenService {
  const key = new TextEncoder().encode(options.secret);
  const sign = (claims: Record<string, unknown>, subject: string, audience: string, ttl: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(key);

  return {
    signAdmin: (admin) =>
      sign({ email: admin.email, role: admin.role }, admin.id, ADMIN_AUDIENCE, options.adminTtl),
    signMerchant: (account) =>
      sign(
        { mid: account.merchantId, tid: account.tenantId, role: account.role },
        account.id,
        MERCHANT_AUDIENCE,
        options.merchantTtl,
      ),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: [ADMIN_AUDIENCE, MERCHANT_AUDIENCE],
        });
        const audience = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
        if (audience === ADMIN_AUDIENCE) {
          return {
            kind: 'admin',
            id: String(payload.sub),
            email: String(payload.email),
            role: payload.role as AdminRole,
          };
        }
        return {
          kind: 'merchant',
          id: String(payload.sub),
          merchantId: String(payload.mid),
          tenantId: String(payload.tid),
          role: String(payload.role),
        };
      } catch {
        throw new AppError('UNAUTHENTICATED', 'Session token is missing, expired or invalid');
      }
    },
  };
}

/** A merchant's session after login or setting a password: its token and who it is. */
export async function merchantSession<Role extends string>(
  tokens: TokenService,
  account: Omit<MerchantPrincipal, 'kind' | 'role'> & { role: Role },
) {
  const merchant = {
    id: account.id,
    merchantId: account.merchantId,
    tenantId: account.tenantId,
    role: account.role,
  };
  return { token: await tokens.signMerchant(merchant), merchant };
}
