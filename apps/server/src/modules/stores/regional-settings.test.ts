// The shared currency / locale / time zone rules of @orbit360/contracts (the package has no
// test project of its own; the server is where they guard writes).
import {
  ActivationSettings,
  SUPPORTED_CURRENCIES,
  SUPPORTED_LOCALES,
  StoreRegionalSettings,
  currencyCodeSchema,
  currencyOptions,
  localeOptions,
  localeSchema,
  timezoneOptions,
  timezoneSchema,
} from '@orbit360/contracts';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues.map((i) => i.message).join('; ');
};

describe('currencyCodeSchema', () => {
  it('accepts every listed currency, in any case, and stores it uppercase', () => {
    for (const { code } of SUPPORTED_CURRENCIES) {
      expect(currencyCodeSchema.parse(code)).toBe(code);
      expect(currencyCodeSchema.parse(` ${code.toLowerCase()} `)).toBe(code);
    }
  });

  it('refuses real but unlisted codes and malformed ones', () => {
    for (const value of ['THB', 'XYZ', 'US', 'USDX', '', 42]) {
      expect(currencyCodeSchema.safeParse(value).success, String(value)).toBe(false);
    }
    expect(messageOf(currencyCodeSchema, 'THB')).toBe(
      'must be a supported currency code such as USD',
    );
  });
});

describe('localeSchema', () => {
  it('accepts every listed locale and stores the canonical spelling', () => {
    for (const { tag } of SUPPORTED_LOCALES) expect(localeSchema.parse(tag)).toBe(tag);
    expect(localeSchema.parse('en-us')).toBe('en-US');
    expect(localeSchema.parse(' FR-ca ')).toBe('fr-CA');
  });

  it('refuses valid but unlisted tags and malformed ones', () => {
    for (const value of ['ko-KR', 'en', 'fr', 'en_US', 'not a locale!', '']) {
      expect(localeSchema.safeParse(value).success, value).toBe(false);
    }
    expect(messageOf(localeSchema, 'ko-KR')).toBe('must be a supported locale such as en-US');
  });
});

describe('timezoneSchema', () => {
  it('accepts IANA zones the runtime knows, links and UTC included', () => {
    for (const zone of ['UTC', 'Europe/Paris', 'America/Sao_Paulo', 'Asia/Kolkata', 'US/Eastern'])
      expect(timezoneSchema.parse(zone)).toBe(zone);
    expect(timezoneSchema.parse(' Europe/Paris ')).toBe('Europe/Paris');
  });

  it('refuses unknown zones, offsets and empty text', () => {
    for (const value of ['Mars/Olympus_Mons', 'Nowhere/City', '+01:00', '', 'x'.repeat(65)]) {
      expect(timezoneSchema.safeParse(value).success, value).toBe(false);
    }
    expect(messageOf(timezoneSchema, 'Mars/Olympus')).toBe(
      'must be an IANA time zone such as Europe/Paris',
    );
  });
});

describe('the contracts that use them', () => {
  it('activation settings and store settings apply the same rules', () => {
    const input = { currency: 'eur', timezone: 'Europe/Paris', locale: 'fr-fr' };
    const expected = { currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR' };
    expect(ActivationSettings.parse(input)).toEqual(expected);
    expect(StoreRegionalSettings.parse(input)).toEqual(expected);
    const bad = { currency: 'THB', timezone: 'Mars/Olympus', locale: 'ko-KR' };
    const paths = (schema: z.ZodType) =>
      schema.safeParse(bad).error?.issues.map((i) => i.path.join('.'));
    expect(paths(ActivationSettings)).toEqual(['currency', 'timezone', 'locale']);
    expect(paths(StoreRegionalSettings)).toEqual(['currency', 'timezone', 'locale']);
  });
});

describe('picker options', () => {
  it('label every supported value with a fixed English name', () => {
    expect(currencyOptions()).toHaveLength(SUPPORTED_CURRENCIES.length);
    expect(currencyOptions()[1]).toEqual({ value: 'EUR', label: 'Euro (EUR)' });
    expect(localeOptions()).toHaveLength(SUPPORTED_LOCALES.length);
    expect(localeOptions().find((o) => o.value === 'fr-CA')?.label).toBe('French (Canada) · fr-CA');
  });

  it('put values in use that the list lacks first, once, labelled by their code', () => {
    expect(currencyOptions('THB', 'THB', 'EUR', '').map((o) => o.value)).toEqual([
      'THB',
      ...SUPPORTED_CURRENCIES.map((c) => c.code),
    ]);
    expect(localeOptions('ko-KR')[0]).toEqual({ value: 'ko-KR', label: 'ko-KR' });
    const zones = timezoneOptions('Mars/Base');
    expect(zones[0]).toEqual({ value: 'Mars/Base', label: 'Mars/Base' });
    expect(zones[1]).toEqual({ value: 'UTC', label: 'UTC' });
    expect(zones.find((o) => o.value === 'America/Sao_Paulo')?.label).toBe('America/Sao Paulo');
    expect(zones.filter((o) => o.value === 'UTC')).toHaveLength(1);
  });

  it('offer only time zones the rule accepts', () => {
    for (const { value } of timezoneOptions())
      expect(timezoneSchema.safeParse(value).success).toBe(true);
  });
});
