import { eq } from 'drizzle-orm';
import type { Merchant } from '@orbit360/contracts';
import { isUuid, type Executor } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { toMerchantDto } from './merchant.dto.js';
import { merchants } from './merchants.table.js';

export async function getMerchant(options: { db: Executor; id: string }): Promise<Merchant> {
  if (!isUuid(options.id)) throw AppError.notFound('Merchant');
  const [row] = await options.db.select().from(merchants).where(eq(merchants.id, options.id));
  if (!row) throw AppError.notFound('Merchant');
  return toMerchantDto(row);
}
