import { z } from 'zod';
import { Timestamp } from './common.js';

/**
 * `sending`: claimed by a sender, being handed to the mail server. `unknown`: the sender
 * stopped between its claim and the server's answer — the email may or may not have been
 * delivered, so it is not resent automatically (an admin decides, e.g. sends a new link).
 */
export const EMAIL_STATUSES = ['queued', 'sending', 'sent', 'unknown', 'failed'] as const;
export const EmailStatus = z.enum(EMAIL_STATUSES);
export type EmailStatus = z.infer<typeof EmailStatus>;

/** One email of the outbox, as the admin email log shows it. */
export const EmailLogItem = z.object({
  id: z.uuid(),
  kind: z.string().describe('e.g. welcome'),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: EmailStatus,
  transport: z.enum(['smtp', 'log']).nullable().describe('log: no SMTP_URL, kept in this log'),
  attempts: z.number().int(),
  lastError: z.string().nullable().describe('sanitized reason of the last failed attempt'),
  messageId: z.string(),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
});
export type EmailLogItem = z.infer<typeof EmailLogItem>;

export const EmailLogQuery = z.object({
  to: z.string().trim().max(254).optional(),
  status: EmailStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type EmailLogQuery = z.infer<typeof EmailLogQuery>;

export const EmailLog = z.object({
  items: z.array(EmailLogItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EmailLog = z.infer<typeof EmailLog>;
