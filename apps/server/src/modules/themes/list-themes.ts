import { asc, isNull } from 'drizzle-orm';
import type { Theme } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';
import { toThemeDto } from './theme.dto.js';
import { themes } from './themes.table.js';

export async function listThemes(options: {
  db: Executor;
  includeArchived?: boolean;
}): Promise<Theme[]> {
  const rows = await options.db
    .select()
    .from(themes)
    .where(options.includeArchived ? undefined : isNull(themes.archivedAt))
    .orderBy(asc(themes.sortOrder), asc(themes.createdAt), asc(themes.key));
  return rows.map(toThemeDto);
}
