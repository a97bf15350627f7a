import { index, pgEnum, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { EMAIL_STATUSES } from '@orbit360/contracts';

export const emailStatus = pgEnum('email_status', EMAIL_STATUSES);

/**
 * The email outbox and log. A row is written in the transaction that decides to send the
 * email, and a job delivers it. `message_id` is unique and stable per logical email (e.g. one
 * per provisioning), so a retried delivery carries the same Message-ID and a retried writer
 * never creates a second row. Platform-level: admins read it as the email log.
 */
export const emails = pgTable(
  'emails',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    messageId: text('message_id').notNull().unique(),
    tenantId: uuid('tenant_id'),
    to: text('to_address').notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    status: emailStatus().notNull().default('queued'),
    transport: text().$type<'smtp' | 'log'>(),
    attempts: smallint().notNull().default(0),
    lastError: text('last_error'),
    /** Claim-then-send: set (with `claimed_at`, status `sending`) before talking to SMTP. */
    claimToken: uuid('claim_token'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /**
     * Set by the claim's sender just before it lets the mail server complete the message (the
     * final dot of DATA). A claim without it never delivered: another sender may take it over.
     */
    finishingAt: timestamp('finishing_at', { withTimezone: true }),
    /**
     * The one-time token of the link in this email is not stored: the body holds
     * ONE_TIME_TOKEN_PLACEHOLDER and the sender derives the token from this reference (a
     * password token id) with a key that is not in the database.
     */
    tokenRef: uuid('token_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('emails_created_idx').on(t.createdAt), index('emails_to_idx').on(t.to)],
);
