import { eq } from 'drizzle-orm';
import type { ThemeDetail } from '@orbit360/contracts';
import { isUuid, type Executor } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { toThemeDetailDto, type ThemeRow } from './theme.dto.js';
import { themes } from './themes.table.js';

/** The theme row (with templates). Unknown or malformed id → 404. */
export async function getTheme(options: { db: Executor; id: string }): Promise<ThemeRow> {
  if (!isUuid(options.id)) throw AppError.notFound('Theme');
  const [row] = await options.db.select().from(themes).where(eq(themes.id, options.id));
  if (!row) throw AppError.notFound('Theme');
  return row;
}

/** A theme as the admin API shows it (with templates). Unknown or malformed id → 404. */
export async function getThemeDetail(options: { db: Executor; id: string }): Promise<ThemeDetail> {
  return toThemeDetailDto(await getTheme(options));
}

/** What choosing a theme needs — no templates (tens of kilobytes). Unknown id → 404. */
export async function getThemeSummary(options: { db: Executor; id: string }) {
  if (!isUuid(options.id)) throw AppError.notFound('Theme');
  const [row] = await options.db
    .select({
      id: themes.id,
      key: themes.key,
      name: themes.name,
      configSchema: themes.configSchema,
      archivedAt: themes.archivedAt,
    })
    .from(themes)
    .where(eq(themes.id, options.id));
  if (!row) throw AppError.notFound('Theme');
  return row;
}

export type ThemeSummary = Awaited<ReturnType<typeof getThemeSummary>>;

export async function getThemeByKey(options: { db: Executor; key: string }) {
  const [row] = await options.db.select().from(themes).where(eq(themes.key, options.key));
  return row;
}
