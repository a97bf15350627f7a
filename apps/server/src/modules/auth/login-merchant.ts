import { eq, sql } from 'drizzle-orm';
import type { LoginBody, MerchantLoginResponse } from '@orbit360/contracts';
import type { AuthDeps } from './auth.deps.js';
import { AppError } from '../../platform/errors.js';
import { merchants } from '../merchants/index.js';
import { merchantAccounts } from './merchant-accounts.table.js';
import { getDummyHash, verifyPassword } from './passwords.js';
import { assertLoginAllowed, recordLoginFailure, recordLoginSuccess } from './login-throttle.js';

const INVALID = 'Invalid email or password';

/**
 * Signs a merchant account in. Unknown email, an account without a password yet and a wrong
 * password answer the same 401 (and take the same time); a suspended store answers 403 only
 * after the password was verified, so it reveals nothing to a guesser.
 */
export async function loginMerchant(options: {
  ctx: Pick<AuthDeps, 'db' | 'sessions' | 'loginLimiter' | 'loginClientLimiter'>;
  input: LoginBody & { clientIp: string; userAgent?: string };
}): Promise<MerchantLoginResponse> {
  const { ctx, input } = options;
  const email = input.email.toLowerCase();
  const attempt = { kind: 'merchant', email, clientIp: input.clientIp } as const;
  await assertLoginAllowed(ctx, attempt);

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
    await recordLoginFailure(ctx, attempt);
    throw new AppError('UNAUTHENTICATED', INVALID);
  }
  await recordLoginSuccess(ctx, attempt);
  if (row.merchantStatus === 'suspended') {
    throw new AppError('FORBIDDEN', 'This store is suspended; contact the platform team');
  }
  const { account } = row;
  await ctx.db
    .update(merchantAccounts)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(merchantAccounts.id, account.id));
  return ctx.sessions.startMerchant(account, { ip: input.clientIp, userAgent: input.userAgent });
}
