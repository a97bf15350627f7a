import { z } from 'zod';
import { Timestamp } from './common.js';

const label = z.string().trim().min(1).max(80);
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb color');

/** One customizable setting a theme declares. Its `default` is what a new store gets. */
export const ThemeSettingField = z.discriminatedUnion('type', [
  z.object({ type: z.literal('color'), label, default: hexColor }),
  z.object({
    type: z.literal('font'),
    label,
    options: z.array(z.string().min(1).max(80)).min(1).max(20),
    default: z.string(),
  }),
  z.object({
    type: z.literal('select'),
    label,
    options: z.array(z.string().min(1).max(40)).min(1).max(20),
    default: z.string(),
  }),
  z.object({ type: z.literal('boolean'), label, default: z.boolean() }),
  z.object({
    type: z.literal('number'),
    label,
    min: z.number(),
    max: z.number(),
    default: z.number(),
  }),
  z.object({
    type: z.literal('text'),
    label,
    maxLength: z.number().int().min(1).max(2000),
    default: z.string(),
  }),
]);
export type ThemeSettingField = z.infer<typeof ThemeSettingField>;

export const THEME_SETTING_GROUPS = ['colors', 'fonts', 'layout', 'features'] as const;
export type ThemeSettingGroup = (typeof THEME_SETTING_GROUPS)[number];

const settingKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'must be a camelCase key');
const fieldGroup = z.record(settingKey, ThemeSettingField);

/** A theme's config schema: settings grouped as colors, fonts, layout options and feature toggles. */
export const ThemeConfigSchema = z.object({
  colors: fieldGroup,
  fonts: fieldGroup,
  layout: fieldGroup,
  features: fieldGroup,
});
export type ThemeConfigSchema = z.infer<typeof ThemeConfigSchema>;

/** Values for a theme's settings, same grouping as the schema. */
export const ThemeSettings = z.object({
  colors: z.record(z.string(), z.string()).optional(),
  fonts: z.record(z.string(), z.string()).optional(),
  layout: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  features: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type ThemeSettings = z.infer<typeof ThemeSettings>;
export type ResolvedThemeSettings = Record<
  ThemeSettingGroup,
  Record<string, string | number | boolean>
>;

export const ThemePreview = z.object({
  primary: hexColor,
  secondary: hexColor,
  accent: hexColor,
  background: hexColor,
  text: hexColor,
  layout: z.string().max(40).describe('short word describing the layout, shown on theme cards'),
});
export type ThemePreview = z.infer<typeof ThemePreview>;

const LOCALE_FILE = /^locales\/[a-z]{2,3}(-[a-z0-9]{2,8})*\.json$/;

/** A locale file's JSON: nested objects whose leaves are strings (ADR 013); else a message. */
function localeFileIssue(source: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return 'must be valid JSON';
  }
  const check = (node: unknown, depth: number): boolean =>
    typeof node === 'string' ||
    (depth < 7 &&
      typeof node === 'object' &&
      node !== null &&
      !Array.isArray(node) &&
      Object.values(node).every((child) => check(child, depth + 1)));
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !check(value, 0)) {
    return 'must be a JSON object of nested objects (at most 6 deep) with text values';
  }
  return undefined;
}

/**
 * Template file name → Liquid (or CSS) source; `locales/<tag>.json` (e.g. `locales/de.json`)
 * hold the theme's text for the `t` filter.
 */
export const ThemeTemplates = z
  .record(
    z
      .string()
      .regex(
        /^((layout|templates|sections|snippets|assets)\/[a-z0-9_.-]+|locales\/[a-z]{2,3}(-[a-z0-9]{2,8})*\.json)$/,
        'invalid template path',
      ),
    z.string().max(200_000),
  )
  .refine((t) => Object.keys(t).length <= 200, 'at most 200 template files')
  .superRefine((templates, ctx) => {
    for (const [file, source] of Object.entries(templates)) {
      if (!LOCALE_FILE.test(file)) continue;
      const message = localeFileIssue(source);
      if (message) ctx.addIssue({ code: 'custom', path: [file], message });
    }
  });
export type ThemeTemplates = z.infer<typeof ThemeTemplates>;

export const Theme = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  preview: ThemePreview,
  configSchema: ThemeConfigSchema,
  defaults: z.record(z.string(), z.record(z.string(), z.unknown())),
  isSystem: z.boolean(),
  isArchived: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Theme = z.infer<typeof Theme>;

export const ThemeDetail = Theme.extend({ templates: ThemeTemplates });
export type ThemeDetail = z.infer<typeof ThemeDetail>;

export const ThemeKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be lowercase letters, digits and dashes');

export const CreateThemeBody = z.object({
  key: ThemeKey,
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).default(''),
  preview: ThemePreview,
  configSchema: ThemeConfigSchema,
  templates: ThemeTemplates.optional().describe(
    'Liquid files; when omitted the templates of `baseTheme` are copied',
  ),
  baseTheme: ThemeKey.optional().describe(
    'key of the theme whose templates are copied; default modern',
  ),
});
export type CreateThemeBody = z.infer<typeof CreateThemeBody>;

export const UpdateThemeBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().max(500),
    preview: ThemePreview,
    configSchema: ThemeConfigSchema,
    templates: ThemeTemplates,
    isArchived: z.boolean(),
  })
  .partial();
export type UpdateThemeBody = z.infer<typeof UpdateThemeBody>;

export const ThemeList = z.object({ items: z.array(Theme) });
