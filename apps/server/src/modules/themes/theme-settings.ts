/**
 * Theme customization: a theme's config schema declares settings with defaults; a store's
 * overrides are validated against it and merged over the defaults.
 */
import {
  THEME_SETTING_GROUPS,
  type ResolvedThemeSettings,
  type ThemeConfigSchema,
  type ThemeSettingField,
  type ThemeSettings,
} from '@orbit360/contracts';
import type { FieldIssue } from '../../platform/errors.js';

type Value = string | number | boolean;

function checkValue(field: ThemeSettingField, value: unknown): string | null {
  switch (field.type) {
    case 'color':
      return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)
        ? null
        : 'must be a #rrggbb color';
    case 'font':
    case 'select':
      return typeof value === 'string' && field.options.includes(value)
        ? null
        : `must be one of: ${field.options.join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'number':
      return typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= field.min &&
        value <= field.max
        ? null
        : `must be a number from ${field.min} to ${field.max}`;
    case 'text':
      return typeof value === 'string' && value.length <= field.maxLength
        ? null
        : `must be text of at most ${field.maxLength} characters`;
  }
}

/**
 * A schema's field by an own key only: keys like `constructor` or `toString` must not find
 * Object.prototype's members (they would pass as "a setting" with no type to check).
 */
function fieldOf(fields: Record<string, ThemeSettingField>, key: string) {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

export function themeDefaults(schema: ThemeConfigSchema): ResolvedThemeSettings {
  const result = {} as ResolvedThemeSettings;
  for (const group of THEME_SETTING_GROUPS) {
    // Null-prototype maps: no key (`__proto__` included) reaches a prototype.
    result[group] = Object.assign(
      Object.create(null) as Record<string, Value>,
      Object.fromEntries(
        Object.entries(schema[group]).map(([key, field]) => [key, field.default as Value]),
      ),
    );
  }
  return result;
}

/** Issues in a config schema itself: every default must satisfy its own field. */
export function configSchemaIssues(
  schema: ThemeConfigSchema,
  prefix = 'body.configSchema',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const group of THEME_SETTING_GROUPS) {
    for (const [key, field] of Object.entries(schema[group])) {
      if (field.type === 'number' && field.min > field.max) {
        issues.push({ field: `${prefix}.${group}.${key}.min`, message: 'must not exceed max' });
      }
      const problem = checkValue(field, field.default);
      if (problem) issues.push({ field: `${prefix}.${group}.${key}.default`, message: problem });
    }
  }
  return issues;
}

/**
 * Validates overrides against the schema and merges them over the defaults. Unknown keys and
 * bad values are reported by field path (e.g. `settings.colors.primary`).
 */
export function resolveThemeSettings(
  schema: ThemeConfigSchema,
  overrides: ThemeSettings | undefined,
  prefix = 'settings',
): { settings: ResolvedThemeSettings; issues: FieldIssue[] } {
  const settings = themeDefaults(schema);
  const issues: FieldIssue[] = [];
  for (const group of THEME_SETTING_GROUPS) {
    for (const [key, value] of Object.entries(overrides?.[group] ?? {})) {
      const field = fieldOf(schema[group], key);
      const path = `${prefix}.${group}.${key}`;
      if (!field) {
        issues.push({ field: path, message: 'is not a setting of this theme' });
        continue;
      }
      const problem = checkValue(field, value);
      if (problem) issues.push({ field: path, message: problem });
      else settings[group][key] = value as Value;
    }
  }
  return { settings, issues };
}
