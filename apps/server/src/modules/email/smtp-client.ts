/**
 * SMTP delivery where the sender decides when a message is complete (ADR 024): nodemailer's
 * SMTPConnection speaks the protocol, on connections of our own, and the message is a stream
 * that holds back its end. A server completes a message only at DATA's final dot; until then a
 * dropped connection discards it. So `beforeEnd` runs once the whole message is with the
 * server but for that dot: if it throws, the connection is closed and the message was never
 * delivered. A connection is reused while it lives; one that failed is closed, never reused.
 */
import { Readable } from 'node:stream';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpEnvelope {
  from: string;
  to: string[];
}

export interface SmtpClient {
  send(envelope: SmtpEnvelope, message: Buffer, beforeEnd: () => Promise<void>): Promise<void>;
  close(): void;
}

const closedError = () => Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' });

/** An idle connection is closed politely after this long (servers drop idle clients anyway). */
const IDLE_MS = 10_000;

export function createSmtpClient(options: {
  url: string;
  /** Connections kept open between messages. */
  maxIdle: number;
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}): SmtpClient {
  const { auth, ...target } = parseConnectionUrl(options.url);
  const idle: { connection: SMTPConnection; timer: NodeJS.Timeout }[] = [];
  const dead = new WeakSet<SMTPConnection>();
  let closed = false;

  function open(): Promise<SMTPConnection> {
    return new Promise((resolve, reject) => {
      const connection = new SMTPConnection({
        ...target,
        connectionTimeout: options.connectionTimeout,
        greetingTimeout: options.greetingTimeout,
        socketTimeout: options.socketTimeout,
      });
      let settled = false;
      const fail = (error: Error) => {
        dead.add(connection);
        if (settled) return;
        settled = true;
        connection.close();
        reject(error);
      };
      // Always listened to: an unhandled 'error' would end the process. A send in flight gets
      // the same failure through its callback.
      connection.on('error', fail);
      connection.on('end', () => fail(closedError()));
      connection.connect((error?: Error | null) => {
        if (error) return fail(error);
        if (settled) return;
        const ready = () => {
          settled = true;
          resolve(connection);
        };
        if (!auth?.user || !connection.allowsAuth) return ready();
        connection.login({ credentials: { user: auth.user, pass: auth.pass ?? '' } }, (error) =>
          error ? fail(error) : ready(),
        );
      });
    });
  }

  function take() {
    for (let entry = idle.pop(); entry; entry = idle.pop()) {
      clearTimeout(entry.timer);
      if (!dead.has(entry.connection)) return entry.connection;
    }
    return undefined;
  }

  function putBack(connection: SMTPConnection) {
    if (closed || dead.has(connection) || idle.length >= options.maxIdle) {
      connection.quit();
      return;
    }
    const entry = {
      connection,
      timer: setTimeout(() => {
        idle.splice(idle.indexOf(entry), 1);
        connection.quit();
      }, IDLE_MS).unref(),
    };
    idle.push(entry);
  }

  /** One attempt on `connection`; `started` says whether any of the message was asked for. */
  async function sendOn(
    connection: SMTPConnection,
    envelope: SmtpEnvelope,
    message: Buffer,
    beforeEnd: () => Promise<void>,
  ): Promise<{ error?: unknown; started: boolean }> {
    let abandoned: unknown;
    // The body goes out at once; the stream ends (and the connection writes the final dot)
    // only after `beforeEnd`, which runs when the connection asks for more than the body.
    let stage: 'body' | 'end' | 'waiting' = 'body';
    const stream = new Readable({
      read() {
        if (stage === 'body') {
          stage = 'end';
          this.push(message);
        } else if (stage === 'end') {
          stage = 'waiting';
          beforeEnd().then(
            () => this.push(null),
            (error: unknown) => {
              abandoned = error;
              this.destroy(error instanceof Error ? error : new Error(String(error)));
            },
          );
        }
      },
    });
    try {
      // SMTPConnection completes a send in flight with the failure when its connection fails.
      await new Promise<void>((resolve, reject) =>
        connection.send(envelope, stream, (error) => (error ? reject(error) : resolve())),
      );
      putBack(connection);
      return { started: true };
    } catch (error) {
      dead.add(connection);
      connection.close();
      return { error: abandoned ?? error, started: stage !== 'body' };
    }
  }

  return {
    async send(envelope, message, beforeEnd) {
      const reused = take();
      if (reused) {
        const attempt = await sendOn(reused, envelope, message, beforeEnd);
        if (!attempt.error) return;
        // A kept connection the server had dropped meanwhile: nothing of the message went
        // out, so a fresh connection tries at once (anything later is the caller's to retry).
        if (attempt.started) throw attempt.error;
      }
      const attempt = await sendOn(await open(), envelope, message, beforeEnd);
      if (attempt.error) throw attempt.error;
    },
    close() {
      closed = true;
      for (let entry = idle.pop(); entry; entry = idle.pop()) {
        clearTimeout(entry.timer);
        entry.connection.quit();
      }
    },
  };
}
