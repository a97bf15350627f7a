/** Fault-test support: a backlog of outbox emails and exactly-once checks against the sink. */
import { inArray } from 'drizzle-orm';
import { enqueueEmails, emails } from '../../src/modules/email/index.js';
import type { SmtpSink } from '../support/smtp-sink.js';
import type { Db } from '../../src/platform/database/index.js';

export async function enqueueBacklog(db: Db, prefix: string, count: number) {
  const messageIds = Array.from({ length: count }, (_, i) => `<${prefix}-${i}@faults.test>`);
  await db.transaction((tx) =>
    enqueueEmails(
      tx,
      messageIds.map((messageId, i) => ({
        kind: 'test',
        messageId,
        to: `${prefix}-${i}@example.test`,
        subject: `Backlog ${i}`,
        text: `Message ${i}`,
        html: `<p>Message ${i}</p>`,
      })),
    ),
  );
  return messageIds;
}

/** How many times the sink accepted each Message-ID. */
export function receivedCounts(sink: SmtpSink) {
  const counts = new Map<string, number>();
  for (const email of sink.received)
    counts.set(email.messageId, (counts.get(email.messageId) ?? 0) + 1);
  return counts;
}

export const duplicatesOf = (counts: Map<string, number>) =>
  [...counts.values()].filter((n) => n > 1).length;

export async function outboxStatuses(db: Db, messageIds: string[]) {
  const rows = await db
    .select({ messageId: emails.messageId, status: emails.status })
    .from(emails)
    .where(inArray(emails.messageId, messageIds));
  const byStatus: Record<string, number> = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  return byStatus;
}
