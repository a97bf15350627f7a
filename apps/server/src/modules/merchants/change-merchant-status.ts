import type { Merchant, MerchantStatus } from '@orbit360/contracts';
import { isUuid, type Db } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { endSessions } from '../sessions/index.js';
import { setTenantStatus } from '../tenants/index.js';
import { toMerchantDto } from './merchant.dto.js';
import { transitionMerchants } from './transition-merchants.js';

interface Transition {
  from: MerchantStatus;
  to: MerchantStatus;
  tenantStatus: 'live' | 'suspended';
  refusal: string;
}

const SUSPEND: Transition = {
  from: 'active',
  to: 'suspended',
  tenantStatus: 'suspended',
  refusal: 'Only an active merchant can be suspended',
};
const REACTIVATE: Transition = {
  from: 'suspended',
  to: 'active',
  tenantStatus: 'live',
  refusal: 'Only a suspended merchant can be reactivated',
};

/**
 * Moves a merchant between active and suspended (`transitionMerchants`: the guarded status
 * change, its audit entry and events): its tenant (the storefront stops or resumes serving)
 * and the end of every session of a suspended tenant (signed out and sockets closed at once,
 * after the status events) commit together with it.
 */
async function changeMerchantStatus(
  options: { db: Db; id: string; actorId: string; reason?: string },
  transition: Transition,
): Promise<Merchant> {
  if (!isUuid(options.id)) throw AppError.notFound('Merchant');
  return options.db.transaction(async (tx) => {
    const { changed, rejected } = await transitionMerchants(tx, [
      {
        id: options.id,
        from: transition.from,
        to: transition.to,
        actor: { type: 'admin', id: options.actorId },
        reason: options.reason,
      },
    ]);
    const row = changed[0];
    if (!row) {
      const status = rejected[0]?.status;
      if (!status) throw AppError.notFound('Merchant');
      throw new AppError('CONFLICT', `${transition.refusal} (status: ${status})`, { status });
    }
    const tenantId = row.tenantId ?? undefined;
    if (tenantId) await setTenantStatus(tx, { tenantId, status: transition.tenantStatus });
    // After the status events: open dashboards hear of the suspension, then are signed out.
    if (tenantId && transition.to === 'suspended') {
      await endSessions(tx, { tenantId }, 'merchant_suspended');
    }
    return toMerchantDto(row);
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
