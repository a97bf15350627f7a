import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { endSessions } from '../sessions/index.js';
import { admins } from './admins.table.js';
import { generatePassword, hashPassword } from './passwords.js';

/**
 * Sets a new generated password for an admin who lost theirs (the operator's recovery path,
 * run from the machine: `npm run admin -- reset-password <email>`). The password is returned
 * once for the caller to print; only its hash is stored. Every session of the admin ends (on
 * running servers too: they hear it). Audited as a system action.
 */
export async function resetAdminPassword(options: { db: Db; email: string }) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return options.db.transaction(async (tx) => {
    const [admin] = await tx
      .update(admins)
      .set({ passwordHash })
      .where(eq(admins.email, options.email.trim().toLowerCase()))
      .returning({ id: admins.id, email: admins.email });
    if (!admin) throw new AppError('NOT_FOUND', `No admin has the email ${options.email}`);
    await endSessions(tx, { kind: 'admin', accountId: admin.id }, 'password_changed');
    await recordAudit(tx, {
      actor: { type: 'system' },
      action: 'admin.password_reset',
      target: { type: 'admin', id: admin.id },
      data: { via: 'command line' },
    });
    return { email: admin.email, password };
  });
}
