export { themes } from './themes.table.js';
export { seedThemes } from './seed-themes.js';
export { getThemeByKey, getThemeSummary, type ThemeSummary } from './get-theme.js';
export { resolveThemeSettings } from './theme-settings.js';
