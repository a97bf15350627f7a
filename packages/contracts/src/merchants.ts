import { z } from 'zod';
import { Timestamp } from './common.js';

export const MERCHANT_STATUSES = [
  'pending',
  'provisioning',
  'active',
  'failed',
  'suspended',
] as const;
export const MerchantStatus = z.enum(MERCHANT_STATUSES);
export type MerchantStatus = z.infer<typeof MerchantStatus>;

export const Merchant = z.object({
  id: z.uuid(),
  storeName: z.string(),
  ownerName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  businessType: z.string().nullable(),
  description: z.string().nullable().describe('What the applicant said about the store'),
  status: MerchantStatus,
  merchantCode: z.string().nullable().describe('merchant_<short id>, assigned at activation'),
  tenantId: z.uuid().nullable(),
  themeId: z.uuid().nullable(),
  planId: z.uuid().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Merchant = z.infer<typeof Merchant>;

export const MerchantCounts = z.object({
  pending: z.number().int(),
  provisioning: z.number().int(),
  active: z.number().int(),
  failed: z.number().int(),
  suspended: z.number().int(),
});
export type MerchantCounts = z.infer<typeof MerchantCounts>;

export const MerchantListQuery = z.object({
  status: MerchantStatus.optional(),
  q: z.string().trim().max(120).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MerchantListQuery = z.infer<typeof MerchantListQuery>;

export const MerchantList = z.object({
  items: z.array(Merchant),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: MerchantCounts,
});
export type MerchantList = z.infer<typeof MerchantList>;

/** Body of `POST /api/admin/merchants/:id/suspend` and `/reactivate` (optional). */
export const MerchantStatusChangeBody = z
  .object({ reason: z.string().trim().max(500).optional() })
  .nullish();
export type MerchantStatusChangeBody = z.infer<typeof MerchantStatusChangeBody>;
