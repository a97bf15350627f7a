import { createHash, randomBytes } from 'node:crypto';
import { insertJsonRows, type Executor } from '../../platform/database/index.js';
import { passwordTokens } from './merchant-accounts.table.js';

/** How long a set-password link from the welcome email stays valid. */
export const SET_PASSWORD_TOKEN_TTL_MS = 72 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues one-time set-password tokens for accounts (one statement). Returns each token itself,
 * in input order, which is put in the link and never stored: only its SHA-256 is kept.
 */
export async function createPasswordTokens(
  db: Executor,
  inputs: { accountId: string; purpose?: 'set_password' | 'reset_password'; ttlMs?: number }[],
): Promise<{ token: string; expiresAt: Date }[]> {
  const issued = inputs.map((input) => ({
    input,
    token: randomBytes(32).toString('base64url'),
    expiresAt: new Date(Date.now() + (input.ttlMs ?? SET_PASSWORD_TOKEN_TTL_MS)),
  }));
  await insertJsonRows(
    db,
    passwordTokens,
    issued.map(({ input, token, expiresAt }) => ({
      accountId: input.accountId,
      tokenHash: hashToken(token),
      purpose: input.purpose ?? 'set_password',
      expiresAt,
    })),
  );
  return issued.map(({ token, expiresAt }) => ({ token, expiresAt }));
}
