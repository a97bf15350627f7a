import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/database/index.js';
import { withTenant } from '../../platform/database/index.js';
import { plans } from '../plans/index.js';
import { tenants } from '../tenants/index.js';
import { media } from './media.table.js';

const MB = 1024 * 1024;

/** Bytes a tenant's media take in storage (originals and resized copies), inside its scope. */
export async function usedStorageBytes(tx: Tx | Db): Promise<number> {
  const [row] = await tx
    .select({ used: sql<string>`coalesce(sum(${media.bytes} + ${media.derivedBytes}), 0)` })
    .from(media);
  return Number(row?.used ?? 0);
}

/** The tenant plan's storage limit in bytes (null: unlimited). A platform read. */
export async function storageLimitBytes(db: Db, tenantId: string): Promise<number | null> {
  const [row] = await db
    .select({ limits: plans.limits })
    .from(tenants)
    .innerJoin(plans, eq(plans.id, tenants.planId))
    .where(eq(tenants.id, tenantId));
  const mb = row?.limits.storageMb;
  return mb === null || mb === undefined ? null : mb * MB;
}

/** A tenant's storage: bytes used by its media and its plan's limit (null: unlimited). */
export async function getStorageUsage(options: {
  db: Db;
  tenantId: string;
}): Promise<{ usedBytes: number; limitBytes: number | null }> {
  const { db, tenantId } = options;
  const [usedBytes, limitBytes] = await Promise.all([
    withTenant(db, tenantId, (tx) => usedStorageBytes(tx)),
    storageLimitBytes(db, tenantId),
  ]);
  return { usedBytes, limitBytes };
}
