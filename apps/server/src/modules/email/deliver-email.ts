import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { Db } from '../../platform/database/index.js';
import type { Logger } from '../../platform/logger.js';
import { enqueueJob, waitInJob, type JobHandler } from '../../platform/queue.js';
import { ONE_TIME_TOKEN_PLACEHOLDER, SEND_EMAIL_TASK } from './enqueue-email.js';
import { describeMailError, type Mailer } from './mailer.js';
import { createSendSlots } from './send-slots.js';

/** Backoffs up to this long are waited inside the job; longer ones reschedule the job. */
const MAX_INLINE_WAIT_MS = 30_000;
const MAX_BACKOFF_MS = 30 * 60_000;
/** Tries of the `sent` commit after the mail server's 250 (a database blip must not lose it). */
const MARK_SENT_TRIES = 6;

export const UNKNOWN_OUTCOME_REASON =
  'Delivery outcome unknown: the sender stopped as the mail server was completing this email; not resent automatically';

/** Another sender took this email over (this one had lost its job): it delivers, not us. */
class ClaimLostError extends Error {
  constructor() {
    super('email claim taken over by another sender');
  }
}

interface ClaimedEmail {
  id: string;
  kind: string;
  message_id: string;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
  token_ref: string | null;
}

/**
 * Claims an email for this attempt (status `sending`, a fresh claim token and time), committed
 * before any SMTP traffic — and only while this worker still holds the job (a worker whose
 * lease was taken over claims nothing). A queued email, or one whose earlier claim never got
 * to finishing its message: that sender is gone (we hold its job now) and delivered nothing.
 */
const CLAIM_SQL = `
update emails set status = 'sending', claim_token = $2, claimed_at = now(), finishing_at = null,
  attempts = attempts + 1
where id = $1 and (status = 'queued' or (status = 'sending' and finishing_at is null))
  and ($4::text is null
       or exists (select 1 from graphile_worker._private_jobs j where j.id = $3 and j.locked_by = $4))
returning id, kind, message_id, to_address, subject, text, html, attempts, token_ref`;

/** The mail server is about to complete the message: only the claim's own sender may say so. */
const MARK_FINISHING_SQL = `
update emails set finishing_at = now()
where id = $1 and claim_token = $2 and status = 'sending'`;

/**
 * A claim whose sender stopped while the server was completing the message: it may or may not
 * have been delivered, so nothing is resent and the outcome is unknown.
 */
const HOLD_UNKNOWN_SQL = `
update emails set status = 'unknown', last_error = $2
where id = $1 and status = 'sending' and finishing_at is not null returning id`;

/** `sent` only by the claim that sent it (also after an `unknown` verdict on a live claim). */
const MARK_SENT_SQL = `
update emails set status = 'sent', transport = $3, sent_at = now(),
  last_error = case when status = 'unknown' then null else last_error end
where id = $1 and claim_token = $2 and status in ('sending', 'unknown')`;

const RELEASE_CLAIM_SQL = `
update emails set status = $3, last_error = $4, claim_token = null, claimed_at = null
where id = $1 and claim_token = $2 and status = 'sending'`;

/**
 * The `email.send` job: delivers one outbox email exactly once, by claim-then-send (ADR 024):
 *
 * 1. take one of the mailer's send slots (at most one email per SMTP connection in flight);
 * 2. claim the row (`queued` → `sending`, claim token), committed;
 * 3. hand the message to the mail server, all but its end;
 * 4. mark the claim `finishing` (committed), then let the server complete the message;
 * 5. after its 250, mark `sent` — on the sender's own connections, not behind the app's pool.
 *
 * A rerun that finds the row `sending` under a claim that never got to step 4 takes it over and
 * sends (that sender delivered nothing; if it is in fact alive, its step 4 now fails and it
 * abandons the message). After step 4 the server may have the message: the rerun holds the row
 * as `unknown` instead of resending. A failed
 * attempt puts the row back to `queued` and is retried with exponential backoff; a permanent
 * rejection (SMTP 5xx) or the last attempt marks it failed.
 */
export function createDeliverEmailHandler(deps: {
  db: Db;
  /** Dedicated connections for claims and `sent` commits (a few: one per send slot). */
  pool: pg.Pool;
  mailer: Mailer;
  logger: Logger;
  retryBaseMs: number;
  maxAttempts: number;
  /** Derives the one-time token of an email's `tokenRef` (auth's `oneTimeToken`). */
  oneTimeToken(ref: string): string;
  /** Development without SMTP: log the one-time link, so an operator can get a merchant in. */
  logLinks: boolean;
}): JobHandler {
  const { pool, mailer, logger } = deps;
  const slots = createSendSlots(mailer.concurrency);
  const fill = (body: string, ref: string | null) =>
    ref ? body.replaceAll(ONE_TIME_TOKEN_PLACEHOLDER, deps.oneTimeToken(ref)) : body;

  async function markFinishing(id: string, claim: string) {
    const marked = await pool.query({
      name: 'email_mark_finishing',
      text: MARK_FINISHING_SQL,
      values: [id, claim],
    });
    if (!marked.rowCount) throw new ClaimLostError();
  }

  async function markSent(id: string, claim: string) {
    for (let attempt = 1; ; attempt++) {
      try {
        await pool.query({
          name: 'email_mark_sent',
          text: MARK_SENT_SQL,
          values: [id, claim, mailer.transport],
        });
        return;
      } catch (error) {
        // Delivered but not recorded yet: keep trying for a few seconds; past that the row
        // stays `sending` and a rerun holds it as `unknown` (never a second delivery).
        if (attempt >= MARK_SENT_TRIES) throw error;
        await sleep(100 * 2 ** attempt);
      }
    }
  }

  return async (payload, job) => {
    const emailId = (payload as { emailId?: string }).emailId;
    if (!emailId) return;
    for (;;) {
      const release = await slots.acquire(job.stopping);
      let email: ClaimedEmail | undefined;
      const claim = randomUUID();
      try {
        const claimed = await pool.query<ClaimedEmail>({
          name: 'email_claim',
          text: CLAIM_SQL,
          values: [emailId, claim, job.jobId, job.lockedBy],
        });
        email = claimed.rows[0];
        if (!email) {
          release();
          const held = await pool.query(HOLD_UNKNOWN_SQL, [emailId, UNKNOWN_OUTCOME_REASON]);
          if (held.rowCount) {
            logger.warn({ emailId }, 'email held as unknown: its sender stopped mid-delivery');
          }
          return;
        }
        await mailer.send(
          {
            messageId: email.message_id,
            to: email.to_address,
            subject: email.subject,
            text: fill(email.text, email.token_ref),
            html: fill(email.html, email.token_ref),
          },
          () => markFinishing(emailId, claim),
        );
      } catch (error) {
        release();
        if (!email) throw error;
        if (error instanceof ClaimLostError) {
          logger.info({ emailId }, 'email taken over by another sender; not sent from here');
          return;
        }
        const { reason, isPermanent } = describeMailError(error);
        const isLast = isPermanent || email.attempts >= deps.maxAttempts;
        logger.warn(
          { emailId, attempt: email.attempts, reason, willRetry: !isLast },
          'email delivery failed',
        );
        await pool.query(RELEASE_CLAIM_SQL, [emailId, claim, isLast ? 'failed' : 'queued', reason]);
        if (isLast) return;
        const delay = Math.min(deps.retryBaseMs * 2 ** (email.attempts - 1), MAX_BACKOFF_MS);
        if (delay > MAX_INLINE_WAIT_MS) {
          await enqueueJob(deps.db, {
            task: SEND_EMAIL_TASK,
            payload: { emailId },
            jobKey: `email:${emailId}`,
            runAt: new Date(Date.now() + delay),
          });
          return;
        }
        await waitInJob(delay, job.stopping);
        continue;
      }
      try {
        await markSent(emailId, claim);
      } finally {
        release();
      }
      if (mailer.transport === 'log') {
        const link =
          deps.logLinks && email.token_ref ? linkIn(fill(email.text, email.token_ref)) : null;
        if (link) {
          logger.info(
            { emailId, kind: email.kind, to: email.to_address, link },
            'development only (no SMTP_URL): one-time link',
          );
        } else {
          logger.info({ emailId, kind: email.kind }, 'email kept in the log (no SMTP_URL)');
        }
      }
      return;
    }
  };
}

const linkIn = (text: string) => /https?:\/\/\S*[?&]token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? null;
