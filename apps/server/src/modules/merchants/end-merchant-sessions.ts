import { eq } from 'drizzle-orm';
import type { SessionsEndedResponse } from '@orbit360/contracts';
import { isUuid, type Db } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { endSessions } from '../sessions/index.js';
import { merchants } from './merchants.table.js';

/**
 * An admin signs everyone of a merchant out (a stolen laptop, a departing employee): every
 * live session of its tenant ends and its sockets close, on every instance. Audited, with the
 * count, even when there was none to end.
 */
export async function endMerchantSessions(options: {
  db: Db;
  merchantId: string;
  actorId: string;
}): Promise<SessionsEndedResponse> {
  if (!isUuid(options.merchantId)) throw AppError.notFound('Merchant');
  return options.db.transaction(async (tx) => {
    const [merchant] = await tx
      .select({ id: merchants.id, tenantId: merchants.tenantId })
      .from(merchants)
      .where(eq(merchants.id, options.merchantId));
    if (!merchant) throw AppError.notFound('Merchant');
    const ended = merchant.tenantId
      ? await endSessions(tx, { tenantId: merchant.tenantId }, 'ended_by_admin')
      : [];
    await recordAudit(tx, {
      actor: { type: 'admin', id: options.actorId },
      action: 'merchant.sessions_ended',
      target: { type: 'merchant', id: merchant.id },
      tenantId: merchant.tenantId ?? undefined,
      data: { ended: ended.length },
    });
    return { ended: ended.length };
  });
}
