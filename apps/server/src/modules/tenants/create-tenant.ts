import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/database/index.js';
import { tenants } from './tenants.table.js';

/**
 * Registers the tenant of a merchant, or returns the existing one: a merchant has at most one
 * tenant (unique merchant_id), so running this twice creates nothing twice.
 */
export async function createTenant(
  db: Executor,
  input: { merchantId: string; namespace: string; planId: string; themeId: string },
) {
  const [inserted] = await db
    .insert(tenants)
    .values(input)
    .onConflictDoNothing({ target: tenants.merchantId })
    .returning();
  if (inserted) return inserted;
  const [existing] = await db
    .select()
    .from(tenants)
    .where(eq(tenants.merchantId, input.merchantId));
  return existing!;
}
