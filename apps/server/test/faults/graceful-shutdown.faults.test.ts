import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseEnv, setupTestApp } from '../helpers.js';
import { startServerProcess, type ServerProcess } from '../server-process.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { duplicatesOf, enqueueBacklog, outboxStatuses, receivedCounts } from './email-outbox.js';

/**
 * Issue 14 item 6: SIGTERM with a 200-email backlog and a mail server taking 1 s per message.
 * The process stops taking HTTP work (503, keep-alive closed), gives back the jobs it has not
 * started, lets the sends in flight finish, and exits 0 inside its 10 s budget; a second
 * instance delivers the rest — each email once.
 */
describe('graceful shutdown under an email backlog', () => {
  const t = setupTestApp();
  let smtp: SmtpSink;
  const children: ServerProcess[] = [];
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill()));
    await smtp?.stop();
  });
  const start = async () => {
    const child = await startServerProcess({
      env: {
        ROLE: 'all',
        LOG_LEVEL: 'info',
        ...databaseEnv(t.database),
        SMTP_URL: smtp.url,
        JWT_SECRET: 'child-secret-child-secret-child-secret-12',
        QUEUE_POLL_INTERVAL_MS: '50',
      },
    });
    children.push(child);
    return child;
  };

  it('SIGTERM exits 0 well within budget; the next instance sends the rest once', async () => {
    smtp.holdMs = 1000;
    const first = await start();
    const ids = await enqueueBacklog(t.ctx.db, 'shutdown', 200);
    await smtp.waitFor(5, 30_000);

    const signalledAt = performance.now();
    first.child.kill('SIGTERM');
    // While it drains, HTTP answers 503 and closes the connection (or is already closed).
    const seen: { status: number; connection: string | null }[] = [];
    for (;;) {
      try {
        const res = await fetch(`${first.url}/healthz`);
        seen.push({ status: res.status, connection: res.headers.get('connection') });
        if (res.status === 503) break;
      } catch {
        break; // listener closed
      }
    }
    const code = await first.exited;
    const shutdownMs = Math.round(performance.now() - signalledAt);
    const delivered = smtp.received.length;
    const statuses = await outboxStatuses(t.ctx.db, ids);
    console.warn('graceful shutdown:', {
      code,
      shutdownMs,
      delivered,
      statuses,
      http: seen.at(-1),
    });
    expect(code).toBe(0);
    const last = seen.at(-1);
    if (last) expect(last).toEqual({ status: 503, connection: 'close' });
    // Nothing was left claimed: every email is sent or back in the queue.
    expect(statuses.sending ?? 0).toBe(0);
    expect(statuses.unknown ?? 0).toBe(0);
    const stopped = first.logs.find((l) => l.msg === 'stopped');
    expect(stopped?.shutdownMs).toBeLessThan(10_000);

    smtp.holdMs = 0;
    await start();
    await vi.waitFor(async () => expect((await outboxStatuses(t.ctx.db, ids)).sent).toBe(200), {
      timeout: 90_000,
      interval: 100,
    });
    const counts = receivedCounts(smtp);
    expect(duplicatesOf(counts)).toBe(0);
    expect(counts.size).toBe(200);
  });
});
