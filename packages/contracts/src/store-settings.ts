import { z } from 'zod';
import { Timestamp } from './common.js';
import { currencyCodeSchema, localeSchema, timezoneSchema } from './locale.js';

/**
 * A store's identity and preferences, as the merchant edits them in the dashboard. Currency,
 * time zone and locale are read as stored: a store may hold a value that is no longer offered.
 */
export const StoreSettings = z.object({
  name: z.string(),
  tagline: z.string(),
  logoText: z.string(),
  contactEmail: z.string(),
  currency: z.string(),
  timezone: z.string(),
  locale: z.string(),
  updatedAt: Timestamp,
});
export type StoreSettings = z.infer<typeof StoreSettings>;

/**
 * What a store's currency, time zone or locale may be changed to. A value equal to the
 * store's current one is kept as it is, even when no longer offered, so a store set up before
 * a list narrowed can still save its settings unchanged. Only the server can tell the two
 * apart (it compares with the stored row), so the request body takes any short text there.
 */
export const StoreRegionalSettings = z.object({
  currency: currencyCodeSchema,
  timezone: timezoneSchema,
  locale: localeSchema,
});
export type StoreRegionalSettings = z.infer<typeof StoreRegionalSettings>;

const regional = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(64)
    .describe(`${what}; a new value must be a supported one, the store's current one is kept`);

export const UpdateStoreSettingsBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    tagline: z.string().trim().max(200),
    logoText: z.string().trim().max(40),
    contactEmail: z.union([z.email().max(254), z.literal('')]),
    currency: regional('ISO 4217 code, e.g. EUR'),
    timezone: regional('IANA zone, e.g. Europe/Paris'),
    locale: regional('BCP 47 tag, e.g. en-US'),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'at least one field is required');
export type UpdateStoreSettingsBody = z.infer<typeof UpdateStoreSettingsBody>;
