import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseEnv, setupTestApp } from '../helpers.js';
import { startServerProcess, type ServerProcess } from '../server-process.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { duplicatesOf, enqueueBacklog, outboxStatuses, receivedCounts } from './email-outbox.js';

/**
 * Issue 14 item 4: two real worker processes share a backlog of emails; one loses its queue
 * connections (pg_terminate_backend) while the process keeps running. The other instance
 * declares it dead and takes its jobs — the first must stop acting on them (fencing) and
 * restart its runner: every email is delivered exactly once.
 */
describe('a worker that loses its queue lease stops acting on its jobs', () => {
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
  const start = async (name: string) => {
    const child = await startServerProcess({
      env: {
        ROLE: 'worker',
        LOG_LEVEL: 'info',
        ...databaseEnv(t.database),
        SMTP_URL: smtp.url,
        JWT_SECRET: 'child-secret-child-secret-child-secret-12',
        QUEUE_POLL_INTERVAL_MS: '50',
        MAIL_RETRY_BASE_MS: '20',
        WORKER_CONCURRENCY: '50',
        INSTANCE_NAME: name,
      },
    });
    children.push(child);
    return child;
  };

  it(
    '40 emails, one worker cut off mid-delivery: 0 duplicates, 0 lost',
    { timeout: 120_000 },
    async () => {
      smtp.holdMs = 150;
      const [a, b] = [await start('a'), await start('b')];
      const ids = await enqueueBacklog(t.ctx.db, 'lease', 40);
      await smtp.waitFor(8, 30_000);
      // Cut every queue connection of one process (its lease, job fetching and mail commits).
      const { rows } = await t.ctx.pool.query<{ n: number }>(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
       where datname = current_database() and application_name like 'orbit360-queue-a%'`,
      );
      expect(rows[0]!.n).toBeGreaterThan(0);

      await vi
        .waitFor(
          async () => {
            const statuses = await outboxStatuses(t.ctx.db, ids);
            expect((statuses.sent ?? 0) + (statuses.unknown ?? 0)).toBe(40);
          },
          { timeout: 60_000, interval: 100 },
        )
        .catch(async (error) => {
          const { rows: jobs } = await t.ctx.pool.query(
            'select id, locked_by, attempts, run_at, last_error from graphile_worker.jobs',
          );
          console.warn(JSON.stringify({ statuses: await outboxStatuses(t.ctx.db, ids), jobs }));
          for (const [name, c] of [
            ['a', a!],
            ['b', b!],
          ] as const) {
            const lines = c.logs.filter((l) => Number(l.level) >= 40).map((l) => [l.time, l.msg]);
            console.warn(name, JSON.stringify(lines));
          }
          throw error;
        });
      const counts = receivedCounts(smtp);
      const statuses = await outboxStatuses(t.ctx.db, ids);
      console.warn('lease loss:', { statuses, received: smtp.received.length });
      expect(duplicatesOf(counts)).toBe(0);
      expect(counts.size).toBe(statuses.sent);
      // The cut-off process noticed, stopped acting, and restarted its worker.
      const messages = () => a!.logs.map((l) => l.msg);
      expect(messages()).toContain('queue worker stopped acting on its jobs; restarting it');
      await vi.waitFor(() => expect(messages()).toContain('queue worker restarted'), {
        timeout: 30_000,
        interval: 50,
      });
      expect(a!.child.exitCode).toBeNull();
      // (Whether the other instance's sweep or the cut-off worker itself gave the jobs back is a
      // race; either way each email went out once.)
      expect(b!.child.exitCode).toBeNull();
    },
  );
});
