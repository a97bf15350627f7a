/**
 * A real SMTP server (the `smtp-server` package) for tests: records every message it accepts,
 * can be taken down and brought back on the same port (an outage), and can hold a message
 * before accepting it (to kill a sender mid-delivery).
 */
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../src/platform/net.js';

export interface ReceivedEmail {
  from: string;
  to: string[];
  raw: string;
  messageId: string;
  subject: string;
  /** The decoded text/plain part. */
  text: string;
  /** The decoded text/html part. */
  html: string;
  /** When the message was accepted (Date.now()). */
  receivedAt: number;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedEmail[];
  /** Delay (ms) before accepting each message; 0 accepts at once. */
  holdMs: number;
  /** When set, every message is refused with this SMTP code (e.g. 550: rejected for good). */
  rejectCode?: number;
  /** Called when a DATA command starts (a client is mid-delivery). */
  onDataStarted?: () => void;
  /** Called for each accepted message. */
  onReceived?: (email: ReceivedEmail) => void;
  stop(): Promise<void>;
  start(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
}

function decodeTransfer(body: string, encoding: string) {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

const header = (head: string, name: string) =>
  new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
    .exec(head)?.[1]
    ?.replace(/\r?\n[ \t]/g, ' ')
    .trim() ?? '';

/** Minimal MIME reading: enough to get the text and HTML parts of nodemailer's output. */
export function parseEmail(raw: string): Omit<ReceivedEmail, 'from' | 'to' | 'raw' | 'receivedAt'> {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  const chunks = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const chunk of chunks) {
    const at = chunk.search(/\r?\n\r?\n/);
    const partHead = chunk.slice(0, at);
    const type = /content-type:\s*([^;\r\n]+)/i.exec(partHead)?.[1]?.toLowerCase() ?? 'text/plain';
    const encoding = header(partHead, 'Content-Transfer-Encoding').toLowerCase();
    parts[type] = decodeTransfer(chunk.slice(at).trim(), encoding);
  }
  return {
    messageId: header(head, 'Message-ID'),
    subject: header(head, 'Subject'),
    text: parts['text/plain'] ?? '',
    html: parts['text/html'] ?? '',
  };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const port = await freePort();
  let server: SMTPServer | undefined;
  const closed = new Set<string>();
  const sink: SmtpSink = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received: [],
    holdMs: 0,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        closeTimeout: 100,
        disabledCommands: ['STARTTLS', 'AUTH'],
        // A local sink has no use for the client's DNS name (its lookup added 10–20 ms to
        // each new connection's greeting, on top of smtp-server's fixed 100 ms pause for
        // early talkers — a mail server's first answer is slow by design).
        disableReverseLookup: true,
        logger: false,
        onClose(session) {
          closed.add(session.id);
        },
        onData(stream, session, callback) {
          sink.onDataStarted?.();
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const accept = () => {
              // A sender that vanished before our answer never had its message accepted.
              if (closed.has(session.id)) return callback(new Error('connection closed'));
              if (sink.rejectCode) {
                const refusal = new Error('Mailbox unavailable') as Error & {
                  responseCode: number;
                };
                refusal.responseCode = sink.rejectCode;
                return callback(refusal);
              }
              const raw = Buffer.concat(chunks).toString('utf8');
              const email: ReceivedEmail = {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                raw,
                receivedAt: Date.now(),
                ...parseEmail(raw),
              };
              sink.received.push(email);
              sink.onReceived?.(email);
              callback();
            };
            if (sink.holdMs > 0) setTimeout(accept, sink.holdMs);
            else accept();
          });
        },
      });
      server.on('error', () => {});
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (sink.received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} emails, received ${sink.received.length}`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      return sink.received;
    },
  };
  await sink.start();
  return sink;
}
