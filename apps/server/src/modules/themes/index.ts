export { themes } from './themes.table.js';
export { themesRoutes } from './themes.routes.js';
export { seedThemes } from './seed-themes.js';
export { getThemeByKey, getThemeSummary, type ThemeSummary } from './get-theme.js';
export { listThemes } from './list-themes.js';
export { toThemeDto, toThemeDetailDto, type ThemeRow } from './theme.dto.js';
export { resolveThemeSettings, themeDefaults, configSchemaIssues } from './theme-settings.js';
