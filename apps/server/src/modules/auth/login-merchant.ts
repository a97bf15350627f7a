import { eq, sql } from 'drizzle-orm';
import type { LoginBody, MerchantLoginResponse } from '@orbit360/contracts';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { merchantSession } from './tokens.js';
import { merchants } from '../merchants/index.js';
import { merchantAccounts } from './merchant-accounts.table.js';
import { getDummyHash, verifyPassword } from './passwords.js';

const INVALID = 'Invalid email or password';

/**
 * Signs a merchant account in. Unknown email, an account without a password yet and a wrong
 * password answer the same 401 (and take the same time); a suspended store answers 403 only
 * after the password was verified, so it reveals nothing to a guesser.
 */
export async function loginMerchant(
  ctx: Pick<AppContext, 'db' | 'tokens' | 'loginLimiter'>,
  input: LoginBody & { clientIp: string },
): Promise<MerchantLoginResponse> {
  const email = input.email.toLowerCase();
  const limitKey = `merchant:${email}:${input.clientIp}`;
  const retryAfter = await ctx.loginLimiter.retryAfter(limitKey);
  if (retryAfter > 0) {
    throw new AppError('RATE_LIMITED', 'Too many failed attempts; try again later', { retryAfter });
  }

  const [row] = await ctx.db
    .select({ account: merchantAccounts, merchantStatus: merchants.status })
    .from(merchantAccounts)
    .innerJoin(merchants, eq(merchants.id, merchantAccounts.merchantId))
    .where(eq(sql`lower(${merchantAccounts.email})`, email));
  const isValid = await verifyPassword(
    row?.account.passwordHash ?? (await getDummyHash()),
    input.password,
  );
  if (!row || !row.account.passwordHash || !isValid) {
    await ctx.loginLimiter.record(limitKey);
    throw new AppError('UNAUTHENTICATED', INVALID);
  }
  await ctx.loginLimiter.reset(limitKey);
  if (row.merchantStatus === 'suspended') {
    throw new AppError('FORBIDDEN', 'This store is suspended; contact the platform team');
  }
  const { account } = row;
  await ctx.db
    .update(merchantAccounts)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(merchantAccounts.id, account.id));
  return merchantSession(ctx.tokens, account);
}
