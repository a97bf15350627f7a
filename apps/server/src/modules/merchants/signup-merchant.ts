import type { Merchant, MerchantSignupBody } from '@orbit360/contracts';
import type { Db } from '../../platform/database/index.js';
import { AppError, PG_UNIQUE_VIOLATION, pgErrorCode } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';
import { toMerchantDto } from './merchant.dto.js';
import { merchants } from './merchants.table.js';

/** A merchant applies; it waits as `pending` until an admin activates it. */
export async function signupMerchant(options: {
  db: Db;
  input: MerchantSignupBody;
}): Promise<Merchant> {
  const { db, input } = options;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(merchants)
        .values({ ...input, email: input.email.toLowerCase() })
        .returning();
      await recordAudit(tx, {
        actor: { type: 'public' },
        action: 'merchant.signed_up',
        target: { type: 'merchant', id: row!.id },
        data: { storeName: row!.storeName, email: row!.email },
      });
      await publishEvent(tx, 'merchant.signed_up', {
        merchantId: row!.id,
        storeName: row!.storeName,
      });
      return toMerchantDto(row!);
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw new AppError('CONFLICT', 'An application with this email already exists', {
        fields: [{ field: 'body.email', message: 'is already registered' }],
      });
    }
    throw error;
  }
}
