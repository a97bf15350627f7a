/** Small, dependency-free formatting helpers for rendering merchant content safely. */
import { escapeHtml } from '../../../platform/html.js';

/**
 * Plain text → HTML paragraphs: blank lines separate paragraphs, single newlines become <br>.
 * Everything is escaped first, so the result is safe to output unescaped (`| raw`).
 */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Sanitised rich text (a product description) → plain text for excerpts and meta tags:
 * blocks become paragraphs, tags go, entities are decoded. Its input is the sanitiser's
 * output, never raw merchant HTML, and its result is escaped again wherever it is shown.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|h[1-6]|blockquote|pre)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first paragraph of a text, cut at a word boundary. */
export function excerpt(text: string, maxLength = 240): string {
  const first =
    text
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)[0]
      ?.trim() ?? '';
  if (first.length <= maxLength) return first;
  const cut = first.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength - 20)).trimEnd()}…`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats integer cents in a currency (e.g. 2400, USD, en-US → "$24.00"). */
export function formatMoney(cents: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    }
    formatters.set(key, formatter);
  }
  return formatter.format(cents / 100);
}
