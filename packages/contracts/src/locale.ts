/**
 * The currencies, locales and time zones a store can use: one rule each, shared by the server
 * (request validation) and the SPAs (the pickers). Labels come from a fixed English table so
 * they read the same in node, jsdom and every browser.
 *
 * Currencies and locales are curated lists. Time zones are any IANA zone the runtime knows
 * (`Intl.DateTimeFormat` accepts it, links such as `Asia/Kolkata` and `US/Eastern` included):
 * engines disagree on which spelling of a zone is canonical, and the admin's default is the
 * browser's own zone, so a list membership check would refuse zones browsers report.
 */
import { z } from 'zod';

/** ISO 4217 codes a store can sell in, with their English names. */
export const SUPPORTED_CURRENCIES = [
  { code: 'USD', name: 'US Dollar' },
  { code: 'EUR', name: 'Euro' },
  { code: 'GBP', name: 'British Pound' },
  { code: 'CAD', name: 'Canadian Dollar' },
  { code: 'AUD', name: 'Australian Dollar' },
  { code: 'NZD', name: 'New Zealand Dollar' },
  { code: 'CHF', name: 'Swiss Franc' },
  { code: 'JPY', name: 'Japanese Yen' },
  { code: 'CNY', name: 'Chinese Yuan' },
  { code: 'INR', name: 'Indian Rupee' },
  { code: 'BRL', name: 'Brazilian Real' },
  { code: 'MXN', name: 'Mexican Peso' },
  { code: 'SEK', name: 'Swedish Krona' },
  { code: 'NOK', name: 'Norwegian Krone' },
  { code: 'DKK', name: 'Danish Krone' },
  { code: 'PLN', name: 'Polish Zloty' },
  { code: 'ZAR', name: 'South African Rand' },
  { code: 'SGD', name: 'Singapore Dollar' },
  { code: 'HKD', name: 'Hong Kong Dollar' },
] as const;

/** BCP 47 tags (canonical form) a storefront can be written in, with their English names. */
export const SUPPORTED_LOCALES = [
  { tag: 'en-US', name: 'English (United States)' },
  { tag: 'en-GB', name: 'English (United Kingdom)' },
  { tag: 'en-CA', name: 'English (Canada)' },
  { tag: 'en-AU', name: 'English (Australia)' },
  { tag: 'fr-FR', name: 'French (France)' },
  { tag: 'fr-CA', name: 'French (Canada)' },
  { tag: 'de-DE', name: 'German (Germany)' },
  { tag: 'es-ES', name: 'Spanish (Spain)' },
  { tag: 'es-MX', name: 'Spanish (Mexico)' },
  { tag: 'it-IT', name: 'Italian (Italy)' },
  { tag: 'nl-NL', name: 'Dutch (Netherlands)' },
  { tag: 'pt-BR', name: 'Portuguese (Brazil)' },
  { tag: 'pt-PT', name: 'Portuguese (Portugal)' },
  { tag: 'sv-SE', name: 'Swedish (Sweden)' },
  { tag: 'pl-PL', name: 'Polish (Poland)' },
  { tag: 'ja-JP', name: 'Japanese (Japan)' },
  { tag: 'zh-CN', name: 'Chinese (China)' },
  { tag: 'hi-IN', name: 'Hindi (India)' },
] as const;

const CURRENCY_NAMES = new Map<string, string>(SUPPORTED_CURRENCIES.map((c) => [c.code, c.name]));
const LOCALE_NAMES = new Map<string, string>(SUPPORTED_LOCALES.map((l) => [l.tag, l.name]));

function canonicalLocale(tag: string) {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

function isKnownTimeZone(zone: string) {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A supported currency; lowercase input is accepted and stored uppercase (`eur` → `EUR`). */
export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => CURRENCY_NAMES.has(code), 'must be a supported currency code such as USD')
  .describe(`ISO 4217 code, one of ${[...CURRENCY_NAMES.keys()].join(', ')}`);

/** A supported locale; any spelling of a listed tag is stored canonical (`en-us` → `en-US`). */
export const localeSchema = z
  .string()
  .trim()
  .max(35)
  .overwrite(canonicalLocale)
  .refine((tag) => LOCALE_NAMES.has(tag), 'must be a supported locale such as en-US')
  .describe(`BCP 47 tag, one of ${[...LOCALE_NAMES.keys()].join(', ')}`);

/** An IANA time zone the runtime knows, e.g. Europe/Paris or UTC (stored as given). */
export const timezoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Paris')
  .describe('IANA zone, e.g. Europe/Paris');

/** A picker choice; the same shape as `SelectOption` in `@orbit360/ui`. */
export interface RegionalOption {
  value: string;
  label: string;
}

/**
 * Prepends the values in use (the saved one, the one being edited) that the list lacks, so a
 * store on a value no longer offered still shows it — and keeps it unless the merchant
 * changes it.
 */
function withCurrent(values: readonly string[], current: readonly string[]) {
  const missing = [...new Set(current)].filter((v) => v && !values.includes(v));
  return [...missing, ...values];
}

export function currencyOptions(...current: string[]): RegionalOption[] {
  return withCurrent([...CURRENCY_NAMES.keys()], current).map((code) => {
    const name = CURRENCY_NAMES.get(code);
    return { value: code, label: name ? `${name} (${code})` : code };
  });
}

export function localeOptions(...current: string[]): RegionalOption[] {
  return withCurrent([...LOCALE_NAMES.keys()], current).map((tag) => {
    const name = LOCALE_NAMES.get(tag);
    return { value: tag, label: name ? `${name} · ${tag}` : tag };
  });
}

const FALLBACK_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
];
let zones: string[] | undefined;

/** The runtime's IANA zones, UTC first (engines without `supportedValuesOf` get a short list). */
export function timeZoneList(): readonly string[] {
  if (!zones) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    zones = supported
      ? ['UTC', ...supported('timeZone').filter((zone) => zone !== 'UTC')]
      : FALLBACK_ZONES;
  }
  return zones;
}

export function timezoneOptions(...current: string[]): RegionalOption[] {
  return withCurrent(timeZoneList(), current).map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }));
}
