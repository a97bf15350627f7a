import { z } from 'zod';
import { Timestamp } from './common.js';

/** A `null` limit means unlimited. */
export const PlanLimits = z.object({
  products: z.number().int().min(0).nullable(),
  staffAccounts: z.number().int().min(0).nullable(),
  storageMb: z.number().int().min(0).nullable(),
  customDomain: z.boolean(),
});
export type PlanLimits = z.infer<typeof PlanLimits>;

export const PlanInterval = z.enum(['month', 'year']);

export const Plan = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  priceCents: z.number().int(),
  currency: z.string(),
  interval: PlanInterval,
  limits: PlanLimits,
  features: z.array(z.string()),
  isPopular: z.boolean(),
  isArchived: z.boolean(),
  sortOrder: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Plan = z.infer<typeof Plan>;

const planFields = {
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500),
  priceCents: z.number().int().min(0).max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  interval: PlanInterval,
  limits: PlanLimits,
  features: z.array(z.string().trim().min(1).max(120)).max(50),
  isPopular: z.boolean(),
  sortOrder: z.number().int().min(0).max(1000),
};

export const CreatePlanBody = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be lowercase letters, digits and dashes'),
  ...planFields,
  description: planFields.description.default(''),
  currency: planFields.currency.default('USD'),
  interval: planFields.interval.default('month'),
  features: planFields.features.default([]),
  isPopular: planFields.isPopular.default(false),
  sortOrder: planFields.sortOrder.default(100),
});
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

export const UpdatePlanBody = z.object({ ...planFields, isArchived: z.boolean() }).partial();
export type UpdatePlanBody = z.infer<typeof UpdatePlanBody>;

export const PlanList = z.object({ items: z.array(Plan) });

/** Formats integer cents as a price, e.g. 2999 USD → "$29.99". */
export function formatPrice(cents: number, currency: string, locale = 'en-US') {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}
