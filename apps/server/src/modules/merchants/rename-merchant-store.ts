import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/database/index.js';
import { merchants } from './merchants.table.js';

/**
 * Keeps the merchant's store name (what the admin panel lists and searches) equal to the
 * store's current name after the merchant renames the store. Runs in the caller's transaction,
 * outside the tenant scope; returns the merchant's id, or null for a tenant with no merchant.
 */
export async function renameMerchantStore(
  tx: Executor,
  options: { tenantId: string; name: string },
): Promise<string | null> {
  const [row] = await tx
    .update(merchants)
    .set({ storeName: options.name, updatedAt: new Date() })
    .where(eq(merchants.tenantId, options.tenantId))
    .returning({ id: merchants.id });
  return row?.id ?? null;
}
