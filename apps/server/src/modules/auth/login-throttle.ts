/**
 * Failed sign-ins are limited twice: per account and client (a guesser on one account) and
 * per client alone, across accounts and both sign-in forms (password spraying: one client
 * trying a common password on many accounts). Both live in PostgreSQL, so every instance
 * counts the same failures. A success resets only the account's count: a sprayer cannot
 * clear its client count by signing in to an account of its own.
 */
import type { AuthDeps } from './auth.deps.js';
import { AppError } from '../../platform/errors.js';

type Ctx = Pick<AuthDeps, 'loginLimiter' | 'loginClientLimiter'>;
interface Attempt {
  kind: 'admin' | 'merchant';
  email: string;
  clientIp: string;
}

const accountKey = (a: Attempt) => `${a.kind}:${a.email}:${a.clientIp}`;

/** Throws 429 RATE_LIMITED (with Retry-After) while either limit is reached. */
export async function assertLoginAllowed(ctx: Ctx, attempt: Attempt) {
  const [account, client] = await Promise.all([
    ctx.loginLimiter.retryAfter(accountKey(attempt)),
    ctx.loginClientLimiter.retryAfter(attempt.clientIp),
  ]);
  const retryAfter = Math.max(account, client);
  if (retryAfter > 0) {
    throw new AppError('RATE_LIMITED', 'Too many failed attempts; try again later', { retryAfter });
  }
}

export async function recordLoginFailure(ctx: Ctx, attempt: Attempt) {
  await Promise.all([
    ctx.loginLimiter.record(accountKey(attempt)),
    ctx.loginClientLimiter.record(attempt.clientIp),
  ]);
}

export async function recordLoginSuccess(ctx: Ctx, attempt: Attempt) {
  await ctx.loginLimiter.reset(accountKey(attempt));
}
