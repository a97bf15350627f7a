import { and, eq, inArray } from 'drizzle-orm';
import { insertJsonRows, type Executor } from '../../platform/database/index.js';
import { merchantAccounts } from './merchant-accounts.table.js';

export interface NewOwnerAccount {
  tenantId: string;
  merchantId: string;
  email: string;
  name: string;
}

/**
 * Creates the owner accounts of tenants without a password, or returns the existing owners:
 * one owner per tenant (partial unique index), so running this twice creates one account per
 * tenant. Returns one account per input, in order.
 */
export async function createOwnerAccounts(
  db: Executor,
  inputs: NewOwnerAccount[],
): Promise<{ id: string; email: string; name: string }[]> {
  await insertJsonRows(
    db,
    merchantAccounts,
    inputs.map((input) => ({
      ...input,
      email: input.email.toLowerCase(),
      role: 'owner' as const,
    })),
    { onConflictDoNothing: true },
  );
  const owners = await db
    .select({
      id: merchantAccounts.id,
      tenantId: merchantAccounts.tenantId,
      email: merchantAccounts.email,
      name: merchantAccounts.name,
    })
    .from(merchantAccounts)
    .where(
      and(
        inArray(
          merchantAccounts.tenantId,
          inputs.map((i) => i.tenantId),
        ),
        eq(merchantAccounts.role, 'owner'),
      ),
    );
  const byTenant = new Map(owners.map(({ tenantId, ...owner }) => [tenantId, owner]));
  return inputs.map((input) => {
    const owner = byTenant.get(input.tenantId);
    // The email belongs to an account of another tenant: one person, one login (for now).
    if (!owner) throw new Error('owner account email is already used by another store');
    return owner;
  });
}
