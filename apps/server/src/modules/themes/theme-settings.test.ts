import { describe, expect, it } from 'vitest';
import type { ThemeConfigSchema } from '@orbit360/contracts';
import { resolveThemeSettings, themeDefaults } from './theme-settings.js';

const schema = {
  colors: { primary: { type: 'color', label: 'Primary', default: '#112233' } },
  fonts: {},
  layout: {},
  features: {},
} as unknown as ThemeConfigSchema;

describe('theme settings', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
    'refuses the key %s, which is not a setting of the theme',
    (key) => {
      const overrides = JSON.parse(`{"colors": {"${key}": "not a color"}}`);
      const { settings, issues } = resolveThemeSettings(schema, overrides);
      expect(issues).toEqual([
        { field: `settings.colors.${key}`, message: 'is not a setting of this theme' },
      ]);
      expect(Object.keys(settings.colors)).toEqual(['primary']);
      expect(Object.getPrototypeOf(settings.colors)).toBeNull();
    },
  );

  it('still resolves real settings over the defaults', () => {
    expect(themeDefaults(schema).colors.primary).toBe('#112233');
    const { settings, issues } = resolveThemeSettings(schema, { colors: { primary: '#abcdef' } });
    expect(issues).toEqual([]);
    expect(settings.colors.primary).toBe('#abcdef');
  });
});
