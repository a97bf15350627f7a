/**
 * Route guards. Each reads the bearer token, checks it and its session (sessions module) and
 * attaches `request.principal`. `read` admits every admin role; `write` excludes `viewer`.
 * They run as `onRequest` hooks, so an anonymous caller gets 401 before any body is read.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type {
  AdminPrincipal,
  MerchantPrincipal,
  Principal,
  SessionService,
} from '../sessions/index.js';

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

async function authenticate(request: FastifyRequest, sessions: SessionService) {
  const token = bearerToken(request);
  if (!token) throw new AppError('UNAUTHENTICATED', 'Authentication required');
  const principal = await sessions.authenticate(token);
  request.principal = principal;
  return principal;
}

export type AdminAccess = 'read' | 'write' | 'super';

export function requireAdmin(sessions: SessionService, access: AdminAccess) {
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

export function requireMerchant(sessions: SessionService) {
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
