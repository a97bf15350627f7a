import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../platform/database/index.js';
import { passwordTokens } from './merchant-accounts.table.js';

/** How long a set-password link from the welcome email stays valid. */
export const SET_PASSWORD_TOKEN_TTL_MS = 72 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues a one-time set-password token for an account. Returns the token itself, which is
 * put in the link and never stored: only its SHA-256 is kept.
 */
export async function createPasswordToken(
  db: Executor,
  input: { accountId: string; purpose?: 'set_password' | 'reset_password'; ttlMs?: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + (input.ttlMs ?? SET_PASSWORD_TOKEN_TTL_MS));
  await db.insert(passwordTokens).values({
    accountId: input.accountId,
    tokenHash: hashToken(token),
    purpose: input.purpose ?? 'set_password',
    expiresAt,
  });
  return { token, expiresAt };
}
