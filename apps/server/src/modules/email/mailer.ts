/**
 * Delivery through nodemailer. With SMTP_URL a pooled SMTP transport is used (connections are
 * reused across emails); without it, emails are "sent to the log": kept in the outbox as sent
 * with transport `log`, readable in the admin email log.
 */
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Config } from '../../platform/config.js';

export interface OutgoingEmail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  readonly transport: 'smtp' | 'log';
  /** How many emails it sends at once (its SMTP connections): the sender claims no more. */
  readonly concurrency: number;
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config['mail'], 'smtpUrl' | 'from'>): Mailer {
  if (!config.smtpUrl) {
    return { transport: 'log', concurrency: 20, send: async () => {}, close: () => {} };
  }
  const maxConnections = 5;
  const transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 15_000,
  });
  return {
    transport: 'smtp',
    concurrency: maxConnections,
    async send(email) {
      // The message is composed in memory first and handed over whole: the connection then
      // writes it in one piece instead of chunk by chunk as the MIME stream produces it.
      const message = new MailComposer({
        from: config.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
      }).compile();
      const raw = await message.build();
      await transporter.sendMail({ envelope: message.getEnvelope(), raw });
    },
    close: () => transporter.close(),
  };
}

/**
 * A reason that is safe to show in the email log: an error class and SMTP status, never the
 * server's host name, addresses or credentials.
 */
export function describeMailError(error: unknown): { reason: string; isPermanent: boolean } {
  const e = error as { code?: unknown; responseCode?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (responseCode && responseCode >= 500) {
    return { reason: `Rejected by the mail server (SMTP ${responseCode})`, isPermanent: true };
  }
  if (responseCode) {
    return { reason: `Deferred by the mail server (SMTP ${responseCode})`, isPermanent: false };
  }
  const code = typeof e.code === 'string' && /^[A-Z_]{2,20}$/.test(e.code) ? e.code : 'ERROR';
  return { reason: `Mail server unavailable (${code})`, isPermanent: false };
}
