import { eq, sql } from 'drizzle-orm';
import type { Merchant, MerchantStatus } from '@orbit360/contracts';
import { isUuid, type Db } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';
import { endSessions } from '../sessions/index.js';
import { setTenantStatus } from '../tenants/index.js';
import { toMerchantDto } from './merchant.dto.js';
import { merchants } from './merchants.table.js';

interface Transition {
  from: MerchantStatus;
  to: MerchantStatus;
  tenantStatus: 'live' | 'suspended';
  action: 'merchant.suspended' | 'merchant.reactivated';
  refusal: string;
}

const SUSPEND: Transition = {
  from: 'active',
  to: 'suspended',
  tenantStatus: 'suspended',
  action: 'merchant.suspended',
  refusal: 'Only an active merchant can be suspended',
};
const REACTIVATE: Transition = {
  from: 'suspended',
  to: 'active',
  tenantStatus: 'live',
  action: 'merchant.reactivated',
  refusal: 'Only a suspended merchant can be reactivated',
};

/**
 * Moves a merchant between active and suspended under a row lock: the merchant, its tenant
 * (the storefront stops or resumes serving), the end of every session of a suspended tenant
 * (signed out and sockets closed at once), the audit entry and the realtime events commit
 * together.
 */
async function changeMerchantStatus(
  options: { db: Db; id: string; actorId: string; reason?: string },
  transition: Transition,
): Promise<Merchant> {
  if (!isUuid(options.id)) throw AppError.notFound('Merchant');
  return options.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(merchants)
      .where(eq(merchants.id, options.id))
      .for('update');
    if (!current) throw AppError.notFound('Merchant');
    if (current.status !== transition.from) {
      throw new AppError('CONFLICT', `${transition.refusal} (status: ${current.status})`, {
        status: current.status,
      });
    }
    const [row] = await tx
      .update(merchants)
      .set({ status: transition.to, updatedAt: sql`now()` })
      .where(eq(merchants.id, options.id))
      .returning();
    const tenantId = row!.tenantId ?? undefined;
    if (tenantId) await setTenantStatus(tx, { tenantId, status: transition.tenantStatus });
    await recordAudit(tx, {
      actor: { type: 'admin', id: options.actorId },
      action: transition.action,
      target: { type: 'merchant', id: row!.id },
      tenantId,
      data: { previous: transition.from, status: transition.to, reason: options.reason ?? null },
    });
    await publishEvent(
      tx,
      'merchant.status_changed',
      { merchantId: row!.id, status: transition.to, previous: transition.from },
      { tenantId },
    );
    await publishEvent(tx, transition.action, { merchantId: row!.id }, { tenantId });
    // After the status events: open dashboards hear of the suspension, then are signed out.
    if (tenantId && transition.to === 'suspended') {
      await endSessions(tx, { tenantId }, 'merchant_suspended');
    }
    return toMerchantDto(row!);
  });
}

export const suspendMerchant = (options: {
  db: Db;
  id: string;
  actorId: string;
  reason?: string;
}) => changeMerchantStatus(options, SUSPEND);

export const reactivateMerchant = (options: {
  db: Db;
  id: string;
  actorId: string;
  reason?: string;
}) => changeMerchantStatus(options, REACTIVATE);
