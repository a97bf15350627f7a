import { eq, sql } from 'drizzle-orm';
import type { MerchantLoginResponse, SetMerchantPasswordBody } from '@orbit360/contracts';
import type { AuthDeps } from './auth.deps.js';
import { AppError } from '../../platform/errors.js';
import { merchants } from '../merchants/index.js';
import { endSessions, type ClientInfo } from '../sessions/index.js';
import { merchantAccounts, passwordTokens } from './merchant-accounts.table.js';
import { assertStrongPassword, hashPassword } from './passwords.js';
import { hashToken } from './password-tokens.js';

const tokenError = (reason: 'invalid' | 'expired' | 'used', message: string) =>
  new AppError('BAD_REQUEST', message, {
    reason,
    fields: [{ field: 'body.token', message }],
  });

/**
 * Sets a merchant account's password from a one-time token (welcome or reset email link). The
 * token is consumed in the same transaction that stores the password, under a row lock, so it
 * works exactly once. Every earlier session of the account ends in that transaction (whoever
 * held the old password is out); the new session starts in it too. The password must not be
 * guessable — common or built from the account's email, name or store name — and that costly
 * check only runs for a link that exists, so a made-up token cannot spend our CPU on it.
 */
export async function setMerchantPassword(options: {
  ctx: Pick<AuthDeps, 'db' | 'sessions'>;
  input: SetMerchantPasswordBody;
  client?: ClientInfo;
}): Promise<MerchantLoginResponse> {
  const { ctx, input, client = {} } = options;
  const [owner] = await ctx.db
    .select({
      email: merchantAccounts.email,
      name: merchantAccounts.name,
      merchantEmail: merchants.email,
      ownerName: merchants.ownerName,
      storeName: merchants.storeName,
      merchantCode: merchants.merchantCode,
    })
    .from(passwordTokens)
    .innerJoin(merchantAccounts, eq(merchantAccounts.id, passwordTokens.accountId))
    .innerJoin(merchants, eq(merchants.id, merchantAccounts.merchantId))
    .where(eq(passwordTokens.tokenHash, hashToken(input.token)));
  if (!owner) throw tokenError('invalid', 'This link is not valid; ask for a new one');
  assertStrongPassword(input.password, {
    field: 'body.password',
    userInputs: [
      owner.email,
      owner.name,
      owner.merchantEmail,
      owner.ownerName,
      owner.storeName,
      owner.merchantCode,
    ],
  });
  const passwordHash = await hashPassword(input.password);

  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ token: passwordTokens, account: merchantAccounts })
      .from(passwordTokens)
      .innerJoin(merchantAccounts, eq(merchantAccounts.id, passwordTokens.accountId))
      .where(eq(passwordTokens.tokenHash, hashToken(input.token)))
      .for('update', { of: passwordTokens });
    if (!row) throw tokenError('invalid', 'This link is not valid; ask for a new one');
    if (row.token.usedAt) throw tokenError('used', 'This link was already used; sign in instead');
    if (row.token.expiresAt.getTime() <= Date.now()) {
      throw tokenError('expired', 'This link has expired; ask for a new one');
    }
    await tx
      .update(passwordTokens)
      .set({ usedAt: sql`now()` })
      .where(eq(passwordTokens.id, row.token.id));
    await tx
      .update(merchantAccounts)
      .set({ passwordHash, passwordSetAt: sql`now()`, lastLoginAt: sql`now()` })
      .where(eq(merchantAccounts.id, row.account.id));
    await endSessions(tx, { kind: 'merchant', accountId: row.account.id }, 'password_changed');
    return ctx.sessions.startMerchant(row.account, client, tx);
  });
}
