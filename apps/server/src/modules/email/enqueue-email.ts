import { enqueueJobs } from '../../platform/queue.js';
import { insertJsonRowsReturning, type Executor } from '../../platform/database/index.js';
import { emails } from './email.table.js';

export const SEND_EMAIL_TASK = 'email.send';

/**
 * Stands for the one-time token in the stored text and HTML of an email with a `tokenRef`;
 * the sender puts the derived token in its place when it sends (ADR 024).
 */
export const ONE_TIME_TOKEN_PLACEHOLDER = '{one-time-token}';

export interface OutgoingEmail {
  kind: string;
  messageId: string;
  tenantId?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Reference of the one-time token that replaces ONE_TIME_TOKEN_PLACEHOLDER at send time. */
  tokenRef?: string;
}

/**
 * Writes emails to the outbox and schedules their delivery, inside the caller's transaction:
 * an email exists if and only if the change that sends it commits. The Message-ID is the
 * idempotency key — writing the same email twice leaves one row and one delivery job. Returns
 * each email's id in input order (null when it was already in the outbox).
 */
export async function enqueueEmails(
  tx: Executor,
  list: OutgoingEmail[],
): Promise<{ id: string | null }[]> {
  const rows = await insertJsonRowsReturning(
    tx,
    emails,
    list.map((email) => ({
      ...email,
      tenantId: email.tenantId ?? null,
      tokenRef: email.tokenRef ?? null,
    })),
    { onConflictDoNothing: { target: emails.messageId } },
  );
  await enqueueJobs(
    tx,
    rows.map((row) => ({
      task: SEND_EMAIL_TASK,
      payload: { emailId: row.id },
      jobKey: `email:${row.id}`,
    })),
  );
  const byMessageId = new Map(rows.map((row) => [row.messageId, row.id]));
  return list.map((email) => ({ id: byMessageId.get(email.messageId) ?? null }));
}
