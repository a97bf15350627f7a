import type { Merchant, MerchantSignupBody } from '@orbit360/contracts';
import type { Db, Executor } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';
import { toMerchantDto, type MerchantRow } from './merchant.dto.js';
import { merchants } from './merchants.table.js';

/** A merchant's application data (the public form's fields, without its spam trap). */
export type ApplicationInput = Omit<MerchantSignupBody, 'website'>;

/**
 * Adds a `pending` merchant inside the caller's transaction — audited and broadcast, so the
 * admin's Pending list shows it at once. Undefined (and nothing written) when the id or the
 * email address is already taken.
 */
export async function insertPendingMerchant(
  tx: Executor,
  options: { id?: string; input: ApplicationInput },
): Promise<MerchantRow | undefined> {
  const { input } = options;
  const [row] = await tx
    .insert(merchants)
    .values({ ...input, ...(options.id && { id: options.id }), email: input.email.toLowerCase() })
    .onConflictDoNothing()
    .returning();
  if (!row) return undefined;
  await recordAudit(tx, {
    actor: { type: 'public' },
    action: 'merchant.signed_up',
    target: { type: 'merchant', id: row.id },
    data: { storeName: row.storeName, email: row.email },
  });
  await publishEvent(tx, 'merchant.signed_up', { merchantId: row.id, storeName: row.storeName });
  return row;
}

/**
 * A pending merchant straight away, without the public application's emails (test factories,
 * benches, imports). A taken address is a 409.
 */
export async function createMerchant(options: {
  db: Db;
  input: ApplicationInput;
}): Promise<Merchant> {
  const row = await options.db.transaction((tx) =>
    insertPendingMerchant(tx, { input: options.input }),
  );
  if (!row) {
    throw new AppError('CONFLICT', 'A merchant with this email already exists', {
      fields: [{ field: 'body.email', message: 'is already registered' }],
    });
  }
  return toMerchantDto(row);
}
