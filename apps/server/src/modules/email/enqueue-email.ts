import { enqueueJob } from '../../platform/queue.js';
import type { Executor } from '../../platform/database/index.js';
import { emails } from './email.table.js';

export const SEND_EMAIL_TASK = 'email.send';

/**
 * Writes an email to the outbox and schedules its delivery, inside the caller's transaction:
 * the email exists if and only if the change that sends it commits. The Message-ID is the
 * idempotency key — writing the same email twice leaves one row and one delivery job.
 */
export async function enqueueEmail(
  tx: Executor,
  email: {
    kind: string;
    messageId: string;
    tenantId?: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  },
): Promise<{ id: string | null }> {
  const [row] = await tx
    .insert(emails)
    .values({ ...email, tenantId: email.tenantId ?? null })
    .onConflictDoNothing({ target: emails.messageId })
    .returning({ id: emails.id });
  if (!row) return { id: null };
  await enqueueJob(tx, {
    task: SEND_EMAIL_TASK,
    payload: { emailId: row.id },
    jobKey: `email:${row.id}`,
  });
  return { id: row.id };
}
