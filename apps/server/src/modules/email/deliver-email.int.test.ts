import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../../../test/helpers.js';
import { loggerOptions } from '../../platform/logger.js';
import { createDeliverEmailHandler } from './deliver-email.js';
import { ONE_TIME_TOKEN_PLACEHOLDER, enqueueEmails } from './enqueue-email.js';
import { emails } from './email.table.js';
import { createMailer } from './mailer.js';

/**
 * Without SMTP, the one-time link of an email is logged in development only (so an operator
 * can get a merchant in), never in test or production; the outbox row never holds it.
 */
describe('one-time links without SMTP', () => {
  const database = setupTestDatabase();
  const pool = () => {
    const created = new pg.Pool({ connectionString: database.url, max: 2 });
    // Dropping the database at the end terminates what is still connected: not a failure.
    created.on('error', () => {});
    return created;
  };
  const pools: pg.Pool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
  });

  async function deliver(logLinks: boolean) {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      loggerOptions('info'),
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const ref = crypto.randomUUID();
    const [email] = await enqueueEmails(database.db, [
      {
        kind: 'password_link',
        messageId: `<dev-link-${ref}@orbit360>`,
        to: 'owner@example.test',
        subject: 'Your link',
        text: `Choose a password: http://localhost:3003/set-password?token=${ONE_TIME_TOKEN_PLACEHOLDER}`,
        html: `<a href="http://localhost:3003/set-password?token=${ONE_TIME_TOKEN_PLACEHOLDER}">x</a>`,
        tokenRef: ref,
      },
    ]);
    const p = pool();
    pools.push(p);
    const handler = createDeliverEmailHandler({
      db: database.db,
      pool: p,
      mailer: createMailer({ smtpUrl: undefined, from: 'x <x@example.test>' }),
      logger,
      retryBaseMs: 10,
      maxAttempts: 3,
      oneTimeToken: (r) => `derived-${r}`,
      logLinks,
    });
    const signal = new AbortController().signal;
    await handler(
      { emailId: email!.id },
      { jobId: '0', lockedBy: null, attempt: 1, signal, stopping: signal },
    );
    const [row] = await database.db.select().from(emails).where(eq(emails.id, email!.id!));
    return { lines, row: row!, ref };
  }

  it('development: the link is logged; the row keeps the placeholder', async () => {
    const { lines, row, ref } = await deliver(true);
    expect(row.status).toBe('sent');
    expect(row.text).toContain(ONE_TIME_TOKEN_PLACEHOLDER);
    const line = lines.find((l) => l.msg === 'development only (no SMTP_URL): one-time link');
    expect(line?.link).toBe(`http://localhost:3003/set-password?token=derived-${ref}`);
  });

  it('test and production: no log line carries the link', async () => {
    const { lines, row, ref } = await deliver(false);
    expect(row.status).toBe('sent');
    expect(JSON.stringify(lines)).not.toContain(`derived-${ref}`);
    expect(lines.some((l) => l.msg === 'email kept in the log (no SMTP_URL)')).toBe(true);
  });
});
