import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/index.js';
import type { Logger } from '../../platform/logger.js';
import { enqueueJob, waitInJob, type JobHandler } from '../../platform/queue.js';
import { emails } from './email.table.js';
import { SEND_EMAIL_TASK } from './enqueue-email.js';
import { describeMailError, type Mailer } from './mailer.js';

/** Backoffs up to this long are waited inside the job; longer ones reschedule the job. */
const MAX_INLINE_WAIT_MS = 30_000;
const MAX_BACKOFF_MS = 30 * 60_000;

/**
 * The `email.send` job: delivers one outbox email. A delivered email is never sent again (the
 * row's status is checked first, and every attempt carries the same Message-ID). A failed
 * attempt is retried with exponential backoff; a permanent rejection (SMTP 5xx) or the last
 * attempt marks the email failed.
 */
export function createDeliverEmailHandler(deps: {
  db: Db;
  mailer: Mailer;
  logger: Logger;
  retryBaseMs: number;
  maxAttempts: number;
}): JobHandler {
  const { db, mailer, logger } = deps;
  // The two statements of every delivery, built once and prepared on each connection.
  const findEmail = db
    .select()
    .from(emails)
    .where(eq(emails.id, sql.placeholder('id')))
    .prepare('email_find');
  const markSent = db
    .update(emails)
    .set({
      status: 'sent',
      attempts: sql`${sql.placeholder('attempts')}::int`,
      transport: mailer.transport,
      sentAt: sql`now()`,
    })
    .where(and(eq(emails.id, sql.placeholder('id')), eq(emails.status, 'queued')))
    .prepare('email_mark_sent');
  return async (payload, job) => {
    const emailId = (payload as { emailId?: string }).emailId;
    if (!emailId) return;
    for (;;) {
      const [email] = await findEmail.execute({ id: emailId });
      if (!email || email.status !== 'queued') return;
      const attempt = email.attempts + 1;
      try {
        await mailer.send(email);
        await markSent.execute({ id: emailId, attempts: attempt });
        if (mailer.transport === 'log') {
          logger.info({ emailId, kind: email.kind }, 'email kept in the log (no SMTP_URL)');
        }
        return;
      } catch (error) {
        const { reason, isPermanent } = describeMailError(error);
        const isLast = isPermanent || attempt >= deps.maxAttempts;
        logger.warn({ emailId, attempt, reason, willRetry: !isLast }, 'email delivery failed');
        await db
          .update(emails)
          .set({ attempts: attempt, lastError: reason, status: isLast ? 'failed' : 'queued' })
          .where(eq(emails.id, emailId));
        if (isLast) return;
        const delay = Math.min(deps.retryBaseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
        if (delay > MAX_INLINE_WAIT_MS) {
          await enqueueJob(db, {
            task: SEND_EMAIL_TASK,
            payload: { emailId },
            jobKey: `email:${emailId}`,
            runAt: new Date(Date.now() + delay),
          });
          return;
        }
        await waitInJob(delay, job.signal);
      }
    }
  };
}
