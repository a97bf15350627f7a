/**
 * Theme settings → CSS custom properties. Themes style themselves with `var(--color-primary)`,
 * `var(--font-heading)`, `var(--layout-product-grid-columns)`…; the server writes the values,
 * so settings never pass through Liquid into a CSS context and no inline styles are needed
 * (the storefront CSP forbids them).
 */
import type { ResolvedThemeSettings, ThemeConfigSchema } from '@orbit360/contracts';

const FONT_STACKS: Record<string, string> = {
  Inter:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'Space Grotesk':
    '"Space Grotesk", "Avenir Next", Avenir, "Segoe UI", ui-sans-serif, system-ui, sans-serif',
  'IBM Plex Sans': '"IBM Plex Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'Helvetica Neue': '"Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif',
  'Playfair Display':
    '"Playfair Display", Didot, "Bodoni 72", "Bodoni MT", Georgia, "Times New Roman", serif',
  Lora: 'Lora, Charter, "Bitstream Charter", Georgia, Cambria, "Times New Roman", serif',
  Georgia: 'Georgia, Cambria, "Times New Roman", Times, serif',
};

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A CSS font-family list for a font name; unknown names are sanitised and given a fallback. */
export function fontStack(name: string): string {
  const known = FONT_STACKS[name];
  if (known) return known;
  const safe = name.replace(/[^a-zA-Z0-9 -]/g, '').trim();
  return safe ? `"${safe}", system-ui, sans-serif` : 'system-ui, sans-serif';
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Black or white, whichever reads better on the given background (WCAG relative luminance). */
function contrastColor(hex: string): string {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.4 ? '#111111' : '#ffffff';
}

export function cssVariables(schema: ThemeConfigSchema, settings: ResolvedThemeSettings): string {
  const lines: string[] = [];
  for (const [key, field] of Object.entries(schema.colors)) {
    const value = String(settings.colors[key] ?? field.default);
    if (!/^#[0-9a-fA-F]{6}$/.test(value)) continue;
    lines.push(`--color-${kebab(key)}: ${value};`);
    lines.push(`--color-${kebab(key)}-rgb: ${rgb(value).join(' ')};`);
    lines.push(`--color-${kebab(key)}-contrast: ${contrastColor(value)};`);
  }
  for (const key of Object.keys(schema.fonts)) {
    lines.push(`--font-${kebab(key)}: ${fontStack(String(settings.fonts[key] ?? ''))};`);
  }
  for (const [key, field] of Object.entries(schema.layout)) {
    const value = settings.layout[key];
    if (field.type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
      lines.push(`--layout-${kebab(key)}: ${value};`);
    }
  }
  return `:root {\n  ${lines.join('\n  ')}\n}\n`;
}
