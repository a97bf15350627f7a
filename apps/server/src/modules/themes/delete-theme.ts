import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/index.js';
import { AppError, PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';
import { getTheme } from './get-theme.js';
import { themes } from './themes.table.js';

/** Deletes an unused custom theme. In use (foreign keys restrict) or system theme → 409. */
export async function deleteTheme(options: { db: Db; id: string; actorId: string }) {
  const theme = await getTheme({ db: options.db, id: options.id });
  if (theme.isSystem) {
    throw new AppError('CONFLICT', 'Built-in themes cannot be deleted; archive it instead');
  }
  try {
    await options.db.transaction(async (tx) => {
      await tx.delete(themes).where(eq(themes.id, options.id));
      await recordAudit(tx, {
        actor: { type: 'admin', id: options.actorId },
        action: 'theme.deleted',
        target: { type: 'theme', id: options.id },
        data: { key: theme.key },
      });
      await publishEvent(tx, 'theme.changed', { themeId: options.id, action: 'deleted' });
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
      throw new AppError('CONFLICT', 'This theme is in use by merchants; archive it instead');
    }
    throw error;
  }
}
