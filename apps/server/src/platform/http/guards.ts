/**
 * Route guards and who they let in. Each reads the bearer token, hands it to an Authenticator
 * (the sessions module checks the token and its session) and attaches `request.principal`.
 * `read` admits every admin role; `write` excludes `viewer`. They run as `onRequest` hooks,
 * so an anonymous caller gets 401 before any body is read. Every module may use them without
 * depending on the modules that sign people in.
 */
import type { FastifyRequest } from 'fastify';
import type { AdminRole } from '@orbit360/contracts';
import { AppError } from '../errors.js';

export interface AdminPrincipal {
  kind: 'admin';
  id: string;
  sessionId: string;
  email: string;
  role: AdminRole;
}

export interface MerchantPrincipal {
  kind: 'merchant';
  id: string;
  sessionId: string;
  merchantId: string;
  tenantId: string;
  role: string;
}

export type Principal = AdminPrincipal | MerchantPrincipal;

/** Turns a bearer token into a principal, or throws UNAUTHENTICATED. */
export interface Authenticator {
  authenticate(token: string): Promise<Principal>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token.trim() : undefined;
}

async function authenticate(request: FastifyRequest, sessions: Authenticator) {
  const token = bearerToken(request);
  if (!token) throw new AppError('UNAUTHENTICATED', 'Authentication required');
  const principal = await sessions.authenticate(token);
  request.principal = principal;
  return principal;
}

export type AdminAccess = 'read' | 'write' | 'super';

export function requireAdmin(sessions: Authenticator, access: AdminAccess) {
  return async (request: FastifyRequest) => {
    const principal = await authenticate(request, sessions);
    if (principal.kind !== 'admin') throw new AppError('FORBIDDEN', 'Admin access required');
    if (access === 'write' && principal.role === 'viewer') {
      throw new AppError('FORBIDDEN', 'Your role (viewer) is read-only');
    }
    if (access === 'super' && principal.role !== 'super_admin') {
      throw new AppError('FORBIDDEN', 'Super admin access required');
    }
  };
}

export function requireMerchant(sessions: Authenticator) {
  return async (request: FastifyRequest) => {
    const principal = await authenticate(request, sessions);
    if (principal.kind !== 'merchant') throw new AppError('FORBIDDEN', 'Merchant access required');
  };
}

export function adminOf(request: FastifyRequest): AdminPrincipal {
  if (request.principal?.kind !== 'admin')
    throw new AppError('UNAUTHENTICATED', 'Authentication required');
  return request.principal;
}

export function merchantOf(request: FastifyRequest): MerchantPrincipal {
  if (request.principal?.kind !== 'merchant') {
    throw new AppError('UNAUTHENTICATED', 'Authentication required');
  }
  return request.principal;
}

/** The tenant a merchant's write is for, and its actor as the audit log records it. */
export function merchantWrite(request: FastifyRequest) {
  const { tenantId, id } = merchantOf(request);
  return { tenantId, actor: { type: 'merchant' as const, id } };
}
