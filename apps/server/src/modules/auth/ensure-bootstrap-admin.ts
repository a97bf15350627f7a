import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/index.js';
import { admins } from './admins.table.js';
import { ConfigError } from '../../platform/config.js';
import { generatePassword, hashPassword, passwordWeakness } from './passwords.js';

/**
 * Creates the first super admin when no admin exists. Returns the generated password when one
 * had to be generated (the caller prints it once), otherwise null. A guessable `ADMIN_PASSWORD`
 * (passwordWeakness) stops a production start (`refuseWeakPassword`); elsewhere the admin is
 * created and `weakPassword` says why, for the caller to warn (a developer's local password).
 */
export async function ensureBootstrapAdmin(options: {
  db: Db;
  email: string;
  password?: string;
  refuseWeakPassword?: boolean;
}): Promise<{ created: boolean; generatedPassword: string | null; weakPassword: string | null }> {
  const [{ count } = { count: 0 }] = await options.db
    .select({ count: sql<number>`count(*)::int` })
    .from(admins);
  if (count > 0) return { created: false, generatedPassword: null, weakPassword: null };

  const weakPassword = options.password
    ? passwordWeakness(options.password, [options.email, 'admin'])
    : null;
  if (weakPassword && options.refuseWeakPassword) {
    throw new ConfigError([`ADMIN_PASSWORD: password ${weakPassword}`]);
  }

  const generatedPassword = options.password ? null : generatePassword();
  const password = options.password ?? generatedPassword!;
  const inserted = await options.db
    .insert(admins)
    .values({
      email: options.email,
      name: 'Platform Admin',
      role: 'super_admin',
      passwordHash: await hashPassword(password),
    })
    .onConflictDoNothing()
    .returning({ id: admins.id });
  return {
    created: inserted.length > 0,
    generatedPassword: inserted.length ? generatedPassword : null,
    weakPassword: inserted.length ? weakPassword : null,
  };
}
