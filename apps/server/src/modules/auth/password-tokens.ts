import { createHash, createHmac, randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { insertJsonRows, type Executor } from '../../platform/database/index.js';
import { ONE_TIME_TOKEN_PLACEHOLDER } from '../email/index.js';
import { passwordTokens } from './merchant-accounts.table.js';

/** How long a set-password link from the welcome email stays valid. */
export const SET_PASSWORD_TOKEN_TTL_MS = 72 * 60 * 60 * 1000;

/** The dashboard's set-password link as an outbox email holds it (the sender fills the token in). */
export const setPasswordLinkTemplate = (dashboardUrl: string) =>
  `${dashboardUrl}/set-password?token=${ONE_TIME_TOKEN_PLACEHOLDER}`;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The secret of a one-time link, derived from its password token's id with a key kept outside
 * the database (ADR 024): the outbox stores the id, never the token, and the email sender
 * derives the token when it sends. Reading the database or the email log gives nothing usable.
 */
export const oneTimeToken = (key: string, tokenId: string) =>
  createHmac('sha256', key).update(`password-token:${tokenId}`).digest('base64url');

/**
 * Issues one-time set-password tokens for accounts (one statement). Returns each token's id
 * (the reference an email carries) in input order; only the token's SHA-256 is stored.
 */
export async function createPasswordTokens(
  db: Executor,
  options: {
    /** `ctx.secrets.links` */
    key: string;
    tokens: { accountId: string; purpose?: 'set_password' | 'reset_password'; ttlMs?: number }[];
  },
): Promise<{ id: string; expiresAt: Date }[]> {
  const issued = options.tokens.map((input) => ({
    input,
    id: randomUUID(),
    expiresAt: new Date(Date.now() + (input.ttlMs ?? SET_PASSWORD_TOKEN_TTL_MS)),
  }));
  await insertJsonRows(
    db,
    passwordTokens,
    issued.map(({ input, id, expiresAt }) => ({
      id,
      accountId: input.accountId,
      tokenHash: hashToken(oneTimeToken(options.key, id)),
      purpose: input.purpose ?? 'set_password',
      expiresAt,
    })),
  );
  return issued.map(({ id, expiresAt }) => ({ id, expiresAt }));
}

/**
 * Issues one new link for an account and ends its unused ones (the account row should be
 * locked by the caller, so concurrent requests issue one live link each, in turn).
 */
export async function replacePasswordToken(
  db: Executor,
  options: {
    key: string;
    accountId: string;
    purpose?: 'set_password' | 'reset_password';
    ttlMs?: number;
  },
): Promise<{ id: string; expiresAt: Date }> {
  const { key, ...token } = options;
  await db
    .update(passwordTokens)
    .set({ expiresAt: sql`least(${passwordTokens.expiresAt}, now())` })
    .where(and(eq(passwordTokens.accountId, token.accountId), isNull(passwordTokens.usedAt)));
  const [issued] = await createPasswordTokens(db, { key, tokens: [token] });
  return issued!;
}
