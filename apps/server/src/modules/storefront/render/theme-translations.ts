/**
 * Theme text through translations (ADR 013). A theme carries `locales/<tag>.json` files among
 * its templates (Shopify-style nested keys, `{{ name }}` placeholders, plural objects with
 * `one`/`other`…); templates print `{{ 'products.product.sold_out' | t }}`. A store's locale
 * (`de-DE`) resolves per key through `de-de.json`, then `de.json`, then `en.json`; a key no file
 * has renders as its last segment humanised (`sold_out` → "Sold out"), never as an error.
 * Built inside the render workers with the theme's engine: files are parsed lazily, once per
 * theme version and worker, and each locale's merged dictionary is cached beside the engine.
 */
import type { ThemeTemplates } from '@orbit360/contracts';

/** What a theme's translations may cost; beyond these a file or key is ignored, never fatal. */
export const TRANSLATION_LIMITS = {
  /** Keys kept per locale file (the contract caps a file at 200k characters). */
  maxKeys: 5000,
  /** Nesting depth of keys (`a.b.c.d.e.f`). */
  maxDepth: 6,
  /** Characters one `t` call may produce after interpolation. */
  maxOutput: 100_000,
};

const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const LOCALE_FILE = /^locales\/([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.json$/;

/** A translation: plain text, or plural forms chosen with the `count` argument. */
type Entry = string | Record<string, string>;
type Dictionary = Map<string, Entry>;

export interface Translator {
  translate(locale: string, key: string, args: Record<string, unknown>): string;
}

function isPluralObject(value: object): value is Record<string, string> {
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(([k, v]) => PLURAL_FORMS.has(k) && typeof v === 'string') &&
    'other' in value
  );
}

/** Flattens a parsed locale file into `a.b.c` → entry; anything that is not text is skipped. */
function flatten(value: unknown, prefix: string, depth: number, into: Dictionary) {
  if (into.size >= TRANSLATION_LIMITS.maxKeys || depth > TRANSLATION_LIMITS.maxDepth) return;
  if (typeof value === 'string') {
    if (prefix) into.set(prefix, value);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  if (prefix && isPluralObject(value)) {
    into.set(prefix, { ...value });
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    flatten(child, prefix ? `${prefix}.${key}` : key, depth + 1, into);
  }
}

/** `products.product.sold_out` → "Sold out": what a missing key shows instead of failing. */
export function humaniseKey(key: string): string {
  const last = key.split('.').pop() ?? '';
  const words = last.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** Files to consult for a locale, most specific first: `de-de`, `de`, then `en`. */
export function localeChain(locale: string): string[] {
  const tag = locale.trim().toLowerCase().replace(/_/g, '-');
  const chain: string[] = [];
  const parts = tag.split('-');
  for (let n = parts.length; n > 0; n--) chain.push(parts.slice(0, n).join('-'));
  chain.push('en');
  return [...new Set(chain.filter((t) => /^[a-z0-9-]+$/.test(t)))];
}

function interpolate(text: string, args: Record<string, unknown>): string {
  let length = 0;
  const out = text.replace(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    const value = Object.hasOwn(args, name) ? String(args[name] ?? '') : whole;
    length += value.length;
    if (length > TRANSLATION_LIMITS.maxOutput) throw new Error('translation output is too large');
    return value;
  });
  if (out.length > TRANSLATION_LIMITS.maxOutput) throw new Error('translation output is too large');
  return out;
}

function pluralForm(entry: Record<string, string>, locale: string, count: unknown) {
  const n = Number(count);
  if (!Number.isFinite(n)) return entry.other!;
  if (n === 0 && entry.zero !== undefined) return entry.zero;
  return entry[pluralRules(locale).select(n)] ?? entry.other!;
}

const pluralRulesCache = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesCache.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    if (pluralRulesCache.size >= 64) pluralRulesCache.clear();
    pluralRulesCache.set(locale, rules);
  }
  return rules;
}

export function createTranslator(templates: ThemeTemplates): Translator {
  const files = new Map<string, string>();
  for (const [file, source] of Object.entries(templates)) {
    const match = LOCALE_FILE.exec(file.toLowerCase());
    if (match) files.set(match[1]!, source);
  }
  const parsed = new Map<string, Dictionary>();
  const merged = new Map<string, Dictionary>();

  function parseFile(tag: string): Dictionary {
    let dictionary = parsed.get(tag);
    if (!dictionary) {
      dictionary = new Map();
      const source = files.get(tag);
      if (source !== undefined) {
        try {
          flatten(JSON.parse(source), '', 0, dictionary);
        } catch {
          // invalid JSON (refused for themes saved through the API): the file is ignored
        }
      }
      parsed.set(tag, dictionary);
    }
    return dictionary;
  }

  function dictionaryFor(locale: string): Dictionary {
    let dictionary = merged.get(locale);
    if (!dictionary) {
      dictionary = new Map();
      // Least specific first, so `de-de` overrides `de`, which overrides `en`, key by key.
      for (const tag of localeChain(locale).reverse()) {
        for (const [key, entry] of parseFile(tag)) dictionary.set(key, entry);
      }
      if (merged.size >= 64) merged.clear();
      merged.set(locale, dictionary);
    }
    return dictionary;
  }

  return {
    translate(locale, key, args) {
      const entry = dictionaryFor(locale).get(key);
      if (entry === undefined) return humaniseKey(key);
      const text = typeof entry === 'string' ? entry : pluralForm(entry, locale, args.count);
      return text.includes('{{') ? interpolate(text, args) : text;
    },
  };
}
