/**
 * Choices for the currency, timezone and locale selects. The server accepts any valid
 * ISO 4217 code, IANA zone or BCP 47 tag, so the store's current value is always offered
 * even when it is not in these lists.
 */
import type { SelectOption } from '@orbit360/ui';

const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'JPY',
  'CNY',
  'INR',
  'BRL',
  'MXN',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'ZAR',
  'SGD',
  'HKD',
];

const LOCALES = [
  'en-US',
  'en-GB',
  'en-CA',
  'en-AU',
  'fr-FR',
  'fr-CA',
  'de-DE',
  'es-ES',
  'es-MX',
  'it-IT',
  'nl-NL',
  'pt-BR',
  'pt-PT',
  'sv-SE',
  'pl-PL',
  'ja-JP',
  'zh-CN',
  'hi-IN',
];

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

function label(kind: 'currency' | 'language', code: string) {
  try {
    const name = new Intl.DisplayNames(['en'], { type: kind }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Prepends values in use (the saved one, the one being edited) that the list lacks. */
function withCurrent(values: string[], current: string[]) {
  const missing = [...new Set(current)].filter((v) => v && !values.includes(v));
  return [...missing, ...values];
}

export function currencyOptions(...current: string[]): SelectOption[] {
  return withCurrent(CURRENCIES, current).map((code) => ({
    value: code,
    label: label('currency', code),
  }));
}

export function localeOptions(...current: string[]): SelectOption[] {
  return withCurrent(LOCALES, current).map((tag) => ({
    value: tag,
    label: label('language', tag),
  }));
}

function allZones() {
  try {
    return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  } catch {
    return FALLBACK_ZONES;
  }
}

export function timezoneOptions(...current: string[]): SelectOption[] {
  return withCurrent(allZones(), current).map((zone) => ({
    value: zone,
    label: zone.replace(/_/g, ' '),
  }));
}
