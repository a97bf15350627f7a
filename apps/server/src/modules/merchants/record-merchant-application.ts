import { eq, sql } from 'drizzle-orm';
import type { Merchant } from '@orbit360/contracts';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/index.js';
import { enqueueEmails } from '../email/index.js';
import {
  renderApplicationReceivedEmail,
  renderRepeatedApplicationEmail,
} from './application-emails.js';
import { insertPendingMerchant, type ApplicationInput } from './create-merchant.js';
import { toMerchantDto } from './merchant.dto.js';
import { merchants } from './merchants.table.js';

export type ApplicationOutcome =
  { outcome: 'created'; merchant: Merchant } | { outcome: 'repeated'; merchantId: string };

/**
 * Records an application (one transaction): a new address becomes a `pending` merchant — audited,
 * broadcast, acknowledged by email; an address that already applied or owns a store gets an
 * email about that instead, at most one such email per address and hour (its Message-ID).
 * `applicationId` becomes the merchant's id: running the same application twice (a retried
 * job) is recognised and changes nothing.
 */
export async function recordMerchantApplication(options: {
  db: Db;
  config: Pick<Config, 'platform'>;
  applicationId: string;
  input: ApplicationInput;
}): Promise<ApplicationOutcome> {
  const { db, applicationId, input } = options;
  const email = input.email.toLowerCase();
  return db.transaction(async (tx) => {
    const row = await insertPendingMerchant(tx, { id: applicationId, input: { ...input, email } });
    if (row) {
      await enqueueEmails(tx, [
        {
          kind: 'application_received',
          messageId: `<application-${row.id}@orbit360>`,
          to: row.email,
          ...renderApplicationReceivedEmail(row),
        },
      ]);
      return { outcome: 'created', merchant: toMerchantDto(row) };
    }

    const [existing] = await tx
      .select()
      .from(merchants)
      .where(eq(sql`lower(${merchants.email})`, email));
    if (!existing) throw new Error('merchant application conflicted with no merchant');
    if (existing.id === applicationId)
      return { outcome: 'created', merchant: toMerchantDto(existing) };
    const hour = new Date().toISOString().slice(0, 13).replace(/\D/g, '');
    await enqueueEmails(tx, [
      {
        kind: 'application_repeated',
        messageId: `<application-repeat-${existing.id}-${hour}@orbit360>`,
        to: existing.email,
        ...renderRepeatedApplicationEmail({
          storeName: existing.storeName,
          ownerName: existing.ownerName,
          status: existing.status,
          appliedAt: existing.createdAt,
          dashboardUrl: options.config.platform.dashboardUrl,
        }),
      },
    ]);
    return { outcome: 'repeated', merchantId: existing.id };
  });
}
