import type { CreateThemeBody, ThemeDetail } from '@orbit360/contracts';
import type { Db } from '../../platform/database/index.js';
import { AppError, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';
import { getThemeByKey } from './get-theme.js';
import { toThemeDetailDto } from './theme.dto.js';
import { configSchemaIssues } from './theme-settings.js';
import { themes } from './themes.table.js';

/** Creates a custom theme; without templates it starts as a copy of `baseTheme` (default modern). */
export async function createTheme(options: {
  db: Db;
  input: CreateThemeBody;
  actorId: string;
}): Promise<ThemeDetail> {
  const { db, input } = options;
  const issues = configSchemaIssues(input.configSchema);
  if (issues.length) throw AppError.validation(issues);

  let templates = input.templates;
  if (!templates) {
    const base = await getThemeByKey({ db, key: input.baseTheme ?? 'modern' });
    if (!base) {
      throw AppError.validation([{ field: 'body.baseTheme', message: 'no theme with this key' }]);
    }
    templates = base.templates;
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(themes)
        .values({
          key: input.key,
          name: input.name,
          description: input.description,
          preview: input.preview,
          configSchema: input.configSchema,
          templates,
        })
        .returning();
      await recordAudit(tx, {
        actor: { type: 'admin', id: options.actorId },
        action: 'theme.created',
        target: { type: 'theme', id: row!.id },
        data: { key: row!.key },
      });
      await publishEvent(tx, 'theme.changed', { themeId: row!.id, action: 'created' });
      return toThemeDetailDto(row!);
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw new AppError('CONFLICT', `A theme with key "${input.key}" already exists`, {
        fields: [{ field: 'body.key', message: 'is already taken' }],
      });
    }
    throw error;
  }
}
