import { eq, sql } from 'drizzle-orm';
import type { AdminLoginResponse, LoginBody } from '@orbit360/contracts';
import type { AuthDeps } from './auth.deps.js';
import { AppError } from '../../platform/errors.js';
import { admins } from './admins.table.js';
import { getDummyHash, verifyPassword } from './passwords.js';
import { assertLoginAllowed, recordLoginFailure, recordLoginSuccess } from './login-throttle.js';

const INVALID = 'Invalid email or password';

export async function loginAdmin(options: {
  ctx: Pick<AuthDeps, 'db' | 'sessions' | 'loginLimiter' | 'loginClientLimiter'>;
  input: LoginBody & { clientIp: string; userAgent?: string };
}): Promise<AdminLoginResponse> {
  const { ctx, input } = options;
  const email = input.email.toLowerCase();
  const attempt = { kind: 'admin', email, clientIp: input.clientIp } as const;
  await assertLoginAllowed(ctx, attempt);

  const [admin] = await ctx.db
    .select()
    .from(admins)
    .where(eq(sql`lower(${admins.email})`, email));
  // Verify against a dummy hash when the account is unknown so timing does not reveal it.
  const isValid = await verifyPassword(
    admin?.passwordHash ?? (await getDummyHash()),
    input.password,
  );
  if (!admin || !isValid) {
    await recordLoginFailure(ctx, attempt);
    throw new AppError('UNAUTHENTICATED', INVALID);
  }
  await recordLoginSuccess(ctx, attempt);
  await ctx.db.update(admins).set({ lastLoginAt: new Date() }).where(eq(admins.id, admin.id));
  const profile = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };
  const token = await ctx.sessions.startAdmin(profile, {
    ip: input.clientIp,
    userAgent: input.userAgent,
  });
  return { token, admin: profile };
}
