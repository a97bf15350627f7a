import { z } from 'zod';
import { Timestamp } from './common.js';

/** A store's identity and preferences, as the merchant edits them in the dashboard. */
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

export const UpdateStoreSettingsBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    tagline: z.string().trim().max(200),
    logoText: z.string().trim().max(40),
    contactEmail: z.union([z.email().max(254), z.literal('')]),
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as USD')
      .transform((c) => c.toUpperCase()),
    timezone: z.string().trim().min(1).max(64).describe('IANA zone, e.g. Europe/Paris'),
    locale: z.string().trim().min(2).max(35).describe('BCP 47 tag, e.g. en-US'),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'at least one field is required');
export type UpdateStoreSettingsBody = z.infer<typeof UpdateStoreSettingsBody>;
