import { inArray } from 'drizzle-orm';
import { insertJsonRows, type Executor } from '../../platform/database/index.js';
import { tenants } from './tenants.table.js';

export interface NewTenant {
  merchantId: string;
  namespace: string;
  planId: string;
  themeId: string;
}

/**
 * Registers the tenants of merchants, or returns the existing ones: a merchant has at most
 * one tenant (unique merchant_id), so running this twice creates nothing twice. Returns one
 * tenant per input, in order.
 */
export async function createTenants(db: Executor, inputs: NewTenant[]) {
  await insertJsonRows(db, tenants, inputs, {
    onConflictDoNothing: { target: tenants.merchantId },
  });
  const rows = await db
    .select()
    .from(tenants)
    .where(
      inArray(
        tenants.merchantId,
        inputs.map((i) => i.merchantId),
      ),
    );
  const byMerchant = new Map(rows.map((row) => [row.merchantId, row]));
  return inputs.map((input) => byMerchant.get(input.merchantId)!);
}
