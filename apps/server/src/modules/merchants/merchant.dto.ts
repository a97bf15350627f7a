import type { Merchant } from '@orbit360/contracts';
import type { merchants } from './merchants.table.js';

export type MerchantRow = typeof merchants.$inferSelect;

export const toMerchantDto = (row: MerchantRow): Merchant => ({
  id: row.id,
  storeName: row.storeName,
  ownerName: row.ownerName,
  email: row.email,
  phone: row.phone,
  country: row.country,
  businessType: row.businessType,
  description: row.description,
  status: row.status,
  merchantCode: row.merchantCode,
  tenantId: row.tenantId,
  themeId: row.themeId,
  planId: row.planId,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
