import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/database/index.js';
import { merchantAccounts } from './merchant-accounts.table.js';

/**
 * Creates the owner account of a tenant without a password, or returns the existing owner:
 * one owner per tenant (partial unique index), so running this twice creates one account.
 */
export async function createOwnerAccount(
  db: Executor,
  input: { tenantId: string; merchantId: string; email: string; name: string },
): Promise<{ id: string; email: string; name: string }> {
  const [inserted] = await db
    .insert(merchantAccounts)
    .values({ ...input, email: input.email.toLowerCase(), role: 'owner' })
    .onConflictDoNothing()
    .returning({
      id: merchantAccounts.id,
      email: merchantAccounts.email,
      name: merchantAccounts.name,
    });
  if (inserted) return inserted;
  const [existing] = await db
    .select({ id: merchantAccounts.id, email: merchantAccounts.email, name: merchantAccounts.name })
    .from(merchantAccounts)
    .where(and(eq(merchantAccounts.tenantId, input.tenantId), eq(merchantAccounts.role, 'owner')));
  if (!existing) {
    // The email belongs to an account of another tenant: one person, one login (for now).
    throw new Error('owner account email is already used by another store');
  }
  return existing;
}
