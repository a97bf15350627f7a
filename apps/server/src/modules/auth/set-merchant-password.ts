import { eq, sql } from 'drizzle-orm';
import type { MerchantLoginResponse, SetMerchantPasswordBody } from '@orbit360/contracts';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { endSessions, type ClientInfo } from '../sessions/index.js';
import { merchantAccounts, passwordTokens } from './merchant-accounts.table.js';
import { hashPassword, passwordWeakness } from './passwords.js';
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
 * held the old password is out); the new session starts in it too.
 */
export async function setMerchantPassword(
  ctx: Pick<AppContext, 'db' | 'sessions'>,
  input: SetMerchantPasswordBody,
  client: ClientInfo = {},
): Promise<MerchantLoginResponse> {
  const weakness = passwordWeakness(input.password);
  if (weakness) throw AppError.validation([{ field: 'body.password', message: weakness }]);
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
