import type { Theme, ThemeDetail } from '@orbit360/contracts';
import type { themes } from './themes.table.js';
import { themeDefaults } from './theme-settings.js';

export type ThemeRow = typeof themes.$inferSelect;

export const toThemeDto = (row: ThemeRow): Theme => ({
  id: row.id,
  key: row.key,
  name: row.name,
  description: row.description,
  preview: row.preview,
  configSchema: row.configSchema,
  defaults: themeDefaults(row.configSchema),
  isSystem: row.isSystem,
  isArchived: row.archivedAt !== null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toThemeDetailDto = (row: ThemeRow): ThemeDetail => ({
  ...toThemeDto(row),
  templates: row.templates,
});
