import { describe, expect, it } from 'vitest';
import { ThemeTemplates } from '@orbit360/contracts';
import { loadSystemThemes } from './system-themes.js';

describe('built-in theme locales (ADR 013)', () => {
  it('are valid theme files', () => {
    for (const theme of loadSystemThemes()) {
      expect(ThemeTemplates.safeParse(theme.templates).error, theme.key).toBeUndefined();
    }
  });

  const keysOf = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null && !('other' in value)
      ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];

  it.each(loadSystemThemes().map((theme) => [theme.key, theme] as const))(
    '%s: every key its templates use is in en.json and de.json, and they agree',
    (_key, theme) => {
      const used = new Set<string>();
      for (const [file, source] of Object.entries(theme.templates)) {
        if (!file.endsWith('.liquid')) continue;
        for (const match of source.matchAll(/'([a-z0-9_.]+)' \| t\b/g)) used.add(match[1]!);
      }
      const en = keysOf(JSON.parse(theme.templates['locales/en.json']!));
      const de = keysOf(JSON.parse(theme.templates['locales/de.json']!));
      expect(used.size).toBeGreaterThan(20);
      expect([...used].filter((key) => !en.includes(key))).toEqual([]);
      expect(de.sort()).toEqual(en.sort());
      expect(en.filter((key) => !used.has(key))).toEqual([]); // no stale keys
    },
  );
});
