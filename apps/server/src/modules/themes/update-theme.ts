import { eq } from 'drizzle-orm';
import type { ThemeDetail, UpdateThemeBody } from '@orbit360/contracts';
import type { Db } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';
import { getTheme } from './get-theme.js';
import { toThemeDetailDto } from './theme.dto.js';
import { configSchemaIssues } from './theme-settings.js';
import { themes } from './themes.table.js';

export async function updateTheme(options: {
  db: Db;
  id: string;
  input: UpdateThemeBody;
  actorId: string;
}): Promise<ThemeDetail> {
  const { db, input } = options;
  await getTheme({ db, id: options.id });
  if (input.configSchema) {
    const issues = configSchemaIssues(input.configSchema);
    if (issues.length) throw AppError.validation(issues);
  }
  const { isArchived, ...fields } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(themes)
      .set({
        ...fields,
        ...(isArchived === undefined ? {} : { archivedAt: isArchived ? new Date() : null }),
        updatedAt: new Date(),
      })
      .where(eq(themes.id, options.id))
      .returning();
    await recordAudit(tx, {
      actor: { type: 'admin', id: options.actorId },
      action: isArchived === true ? 'theme.archived' : 'theme.updated',
      target: { type: 'theme', id: options.id },
      data: { fields: Object.keys(input) },
    });
    await publishEvent(tx, 'theme.changed', {
      themeId: options.id,
      action: isArchived === true ? 'archived' : 'updated',
    });
    return toThemeDetailDto(row!);
  });
}
