/**
 * Delivery. With SMTP_URL, messages composed by nodemailer go out through our SMTP client
 * (smtp-client.ts: reused connections, the message's end held back until the sender has
 * recorded it); without it, emails are "sent to the log": kept in the outbox as sent with
 * transport `log`, readable in the admin email log.
 */
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Config } from '../../platform/config.js';
import { createSmtpClient } from './smtp-client.js';

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
  /**
   * Delivers `email`. `beforeEnd` runs when all of it but its end is with the mail server: if it
   * throws, the message is abandoned undelivered and `send` rethrows that error.
   */
  send(email: OutgoingEmail, beforeEnd: () => Promise<void>): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config['mail'], 'smtpUrl' | 'from'>): Mailer {
  if (!config.smtpUrl) {
    return {
      transport: 'log',
      concurrency: 20,
      send: (_email, beforeEnd) => beforeEnd(),
      close: () => {},
    };
  }
  const maxConnections = 5;
  const client = createSmtpClient({
    url: config.smtpUrl,
    maxIdle: maxConnections,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 15_000,
  });
  return {
    transport: 'smtp',
    concurrency: maxConnections,
    async send(email, beforeEnd) {
      // Composed in memory first and handed over whole: the connection writes it in one piece
      // instead of chunk by chunk as the MIME stream produces it.
      const message = new MailComposer({
        from: config.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
      }).compile();
      const envelope = message.getEnvelope();
      await client.send(
        { from: envelope.from || '', to: envelope.to },
        await message.build(),
        beforeEnd,
      );
    },
    close: () => client.close(),
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
