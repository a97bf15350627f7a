import type { AdminRole } from '@orbit360/contracts';
import type { Db } from '../../platform/database/index.js';
import { AppError, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/errors.js';
import { admins } from './admins.table.js';
import { assertStrongPassword, hashPassword } from './passwords.js';

/** Creates an admin; a guessable password is refused (400 VALIDATION_FAILED, see passwordWeakness). */
export async function createAdmin(options: {
  db: Db;
  email: string;
  name: string;
  role: AdminRole;
  password: string;
}) {
  assertStrongPassword(options.password, {
    field: 'password',
    userInputs: [options.email, options.name],
  });
  try {
    const [admin] = await options.db
      .insert(admins)
      .values({
        email: options.email.toLowerCase(),
        name: options.name,
        role: options.role,
        passwordHash: await hashPassword(options.password),
      })
      .returning({ id: admins.id, email: admins.email, name: admins.name, role: admins.role });
    return admin!;
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw new AppError('CONFLICT', 'An admin with this email already exists');
    }
    throw error;
  }
}
