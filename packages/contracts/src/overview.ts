import { z } from 'zod';
import { MerchantStatus } from './merchants.js';
import { MerchantRole } from './auth.js';

export const OnboardingTask = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  isDone: z.boolean(),
});
export type OnboardingTask = z.infer<typeof OnboardingTask>;

/** What the merchant dashboard's overview shows; read with the merchant's own token. */
export const MerchantOverview = z.object({
  account: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: MerchantRole }),
  merchant: z.object({
    id: z.uuid(),
    merchantCode: z.string().nullable(),
    storeName: z.string(),
    ownerName: z.string(),
    email: z.string(),
    status: MerchantStatus,
  }),
  store: z.object({
    name: z.string(),
    slug: z.string().nullable(),
    status: z.enum(['provisioning', 'live', 'suspended']),
    websiteUrl: z.string().nullable(),
    dashboardUrl: z.string().nullable(),
    currency: z.string(),
    timezone: z.string(),
    locale: z.string(),
    liveAt: z.string().nullable(),
  }),
  plan: z
    .object({
      id: z.uuid(),
      key: z.string(),
      name: z.string(),
      priceCents: z.number().int(),
      currency: z.string(),
      interval: z.string(),
    })
    .nullable(),
  theme: z.object({ id: z.uuid(), key: z.string(), name: z.string() }).nullable(),
  onboarding: z.object({
    completed: z.number().int(),
    total: z.number().int(),
    tasks: z.array(OnboardingTask),
  }),
});
export type MerchantOverview = z.infer<typeof MerchantOverview>;
