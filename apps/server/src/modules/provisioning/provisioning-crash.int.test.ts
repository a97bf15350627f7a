import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PROVISIONING_STEP_KEYS } from '@orbit360/contracts';
import { bearer, databaseEnv } from '../../../test/helpers.js';
import { withTenant } from '../../platform/database/index.js';
import { merchantAccounts } from '../auth/index.js';
import { emails } from '../email/index.js';
import { siteVersions } from '../storefront/index.js';
import { tenants } from '../tenants/index.js';
import { startServerProcess, type ServerProcess } from '../../../test/server-process.js';
import { setupProvisioningTest, startWorker } from '../../../test/support/provisioning-harness.js';

/**
 * Real processes: the server (`src/main.ts`, role worker) runs as a child process on this
 * file's database and is SIGKILLed in the middle of provisioning, then restarted. This
 * process only serves the API (no worker of its own).
 */
/** A worker-only instance with fast retries and polling, logging at info (tests read its log). */
const WORKER_ENV = {
  ROLE: 'worker',
  LOG_LEVEL: 'info',
  JWT_SECRET: 'child-secret-child-secret-child-secret-12',
  QUEUE_POLL_INTERVAL_MS: '50',
  PROVISIONING_RETRY_BASE_MS: '5',
  MAIL_RETRY_BASE_MS: '20',
  DATABASE_POOL_SIZE: '6',
  WORKER_CONCURRENCY: '4',
};

describe('provisioning survives SIGKILL and shares the queue across processes', () => {
  const h = setupProvisioningTest({ smtp: true, worker: false });
  const children: ServerProcess[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const child = await startServerProcess({
      env: {
        ...WORKER_ENV,
        ...databaseEnv(h.t.database),
        SMTP_URL: h.smtp!.url,
        ...env,
      },
    });
    children.push(child);
    return child;
  };
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill()));
  });

  /**
   * One of everything. `mayBeHeld`: the dead process may have claimed the welcome email before
   * it died (its queue runs beside the provisioning) — then the email is held as `unknown`,
   * never sent twice (ADR 024), and an admin sends a new link.
   */
  async function expectExactlyOnce(
    merchant: { id: string; email: string },
    options: { mayBeHeld?: boolean } = {},
  ) {
    const db = h.t.ctx.db;
    const tenantRows = await db.select().from(tenants).where(eq(tenants.merchantId, merchant.id));
    expect(tenantRows).toHaveLength(1);
    const tenantId = tenantRows[0]!.id;
    expect(tenantRows[0]!.status).toBe('live');
    expect(
      await db.select().from(merchantAccounts).where(eq(merchantAccounts.tenantId, tenantId)),
    ).toHaveLength(1);
    expect(await withTenant(db, tenantId, (tx) => tx.select().from(siteVersions))).toHaveLength(1);
    const outbox = await db.select().from(emails).where(eq(emails.to, merchant.email));
    expect(outbox).toHaveLength(1);
    // Delivery follows the provisioning through the queue: give a loaded machine 10 s.
    const status = async () =>
      (await db.select().from(emails).where(eq(emails.to, merchant.email)))[0]!.status;
    for (let i = 0; i < 500 && !h.smtp!.received.some((e) => e.to[0] === merchant.email); i++) {
      if (options.mayBeHeld && (await status()) === 'unknown') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const received = h.smtp!.received.filter((e) => e.to[0] === merchant.email);
    if (options.mayBeHeld && received.length === 0) expect(await status()).toBe('unknown');
    else expect(received).toHaveLength(1);
  }

  it(
    'a process killed inside a step resumes on restart with exactly-once effects',
    { timeout: 90_000 },
    async () => {
      const first = await start({ PROVISIONING_FAULTS: 'data:delay:60000@Crash Course' });
      const merchant = await h.signup('Crash Course');
      expect((await h.activate(merchant.id)).statusCode).toBe(202);
      // The data step has done its writes and waits before committing: kill the process there.
      await h.waitFor(
        merchant.id,
        (s) => s.currentStep === 'data' && s.status === 'running',
        30_000,
      );
      await new Promise((r) => setTimeout(r, 200));
      await first.kill('SIGKILL');
      const interrupted = await h.status(merchant.id);
      expect(interrupted.status).toBe('running');
      expect(interrupted.steps.find((s) => s.key === 'data')!.status).toBe('running');

      await start();
      const done = await h.waitFor(merchant.id, (s) => s.status === 'completed', 30_000);
      expect(done.steps.every((s) => s.status === 'completed')).toBe(true);
      expect(done.steps.find((s) => s.key === 'data')!.attempts).toBe(1);
      await expectExactlyOnce(merchant);
    },
  );

  it(
    'a process killed while the SMTP server holds the welcome email: held as unknown, never resent; the admin sends a new link',
    { timeout: 90_000 },
    async () => {
      h.smtp!.holdMs = 60_000;
      let deliveryStarted!: () => void;
      const started = new Promise<void>((resolve) => (deliveryStarted = resolve));
      h.smtp!.onDataStarted = () => deliveryStarted();
      const sender = children.at(-1)!;
      const merchant = await h.signup('Mail Crash');
      await h.activate(merchant.id);
      await started;
      await h.waitFor(merchant.id, (s) => s.status === 'completed', 30_000);
      await sender.kill('SIGKILL');
      h.smtp!.holdMs = 0;
      h.smtp!.onDataStarted = undefined;
      const outbox = () => h.t.ctx.db.select().from(emails).where(eq(emails.to, merchant.email));
      const [claimed] = await outbox();
      // Claimed before the first SMTP byte: the row says a sender had it in hand.
      expect(claimed!.status).toBe('sending');
      expect(claimed!.claimToken).not.toBeNull();

      // The next worker cannot know whether the server kept the message: it does not resend.
      await start();
      const held = await vi.waitFor(
        async () => {
          const [row] = await outbox();
          expect(row!.status).toBe('unknown');
          return row!;
        },
        { timeout: 30_000, interval: 20 },
      );
      expect(held.lastError).toMatch(/^Delivery outcome unknown/);
      expect(h.smtp!.received.filter((e) => e.to[0] === merchant.email)).toHaveLength(0);

      // The operator's decision: a new set-password link, delivered once.
      const res = await h.t.app.inject({
        method: 'POST',
        url: `/api/admin/merchants/${merchant.id}/send-password-link`,
        headers: bearer(await h.t.adminToken()),
      });
      expect(res.statusCode).toBe(202);
      for (let i = 0; i < 500 && !h.smtp!.received.some((e) => e.to[0] === merchant.email); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const received = h.smtp!.received.filter((e) => e.to[0] === merchant.email);
      expect(received).toHaveLength(1);
      expect(received[0]!.messageId).toMatch(/^<password-link-[0-9a-f-]{36}@orbit360>$/);
    },
  );

  it(
    'a process killed before its message was complete: the next worker delivers the welcome email, once',
    { timeout: 90_000 },
    async () => {
      for (const child of children) await child.kill();
      const sender = await start();
      const merchant = await h.signup('Cut Short');
      const outbox = async () =>
        (await h.t.ctx.db.select().from(emails).where(eq(emails.to, merchant.email)))[0];
      let dataStarted!: () => void;
      const inData = new Promise<void>((resolve) => (dataStarted = resolve));
      h.smtp!.onDataStarted = () => dataStarted();
      await h.activate(merchant.id);
      // Claimed: the sender now connects (a new SMTP connection takes ≥ 100 ms to greet).
      await vi.waitFor(async () => expect((await outbox())?.status).toBe('sending'), {
        timeout: 30_000,
        interval: 2,
      });
      // Hold the row: the sender's "finishing" mark waits, so the message's end is never sent.
      const blocker = await h.t.ctx.pool.connect();
      try {
        await blocker.query('begin');
        await blocker.query('select 1 from emails where to_address = $1 for update', [
          merchant.email,
        ]);
        await inData;
        await vi.waitFor(
          async () => {
            const { rows } = await h.t.ctx.pool.query<{ n: number }>(
              `select count(*)::int as n from pg_stat_activity
               where wait_event_type = 'Lock' and query like '%update emails set finishing_at%'`,
            );
            expect(rows[0]!.n).toBe(1);
          },
          { timeout: 10_000, interval: 10 },
        );
        await sender.kill('SIGKILL');
        // Its mark never got through: end its backend too (else the waiting update would still
        // commit once the row is free — then the outcome is rightly held as unknown).
        await h.t.ctx.pool.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where wait_event_type = 'Lock' and query like '%update emails set finishing_at%'`,
        );
      } finally {
        h.smtp!.onDataStarted = undefined;
        await blocker.query('rollback');
        blocker.release();
      }
      const cut = await outbox();
      expect(cut!.status).toBe('sending');
      expect(cut!.finishingAt).toBeNull();
      expect(h.smtp!.received.filter((e) => e.to[0] === merchant.email)).toHaveLength(0);

      // Nothing reached the server as a message: the next worker takes the claim over and sends.
      await start();
      await vi.waitFor(async () => expect((await outbox())!.status).toBe('sent'), {
        timeout: 30_000,
        interval: 20,
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(h.smtp!.received.filter((e) => e.to[0] === merchant.email)).toHaveLength(1);
      expect((await outbox())!.attempts).toBe(2);
    },
  );

  it(
    'a process that dies inside any step (after its writes, before commit) loses nothing',
    { timeout: 120_000 },
    async () => {
      for (const child of children) await child.kill();
      for (const step of PROVISIONING_STEP_KEYS) {
        const storeName = `Crash In ${step}`;
        const doomed = await start({ PROVISIONING_FAULTS: `${step}:crash@${storeName}` });
        const merchant = await h.signup(storeName);
        await h.activate(merchant.id);
        await doomed.exited;
        const interrupted = await h.status(merchant.id);
        expect(interrupted.currentStep).toBe(step);
        expect(interrupted.status).toBe('running');
        // Recovery by a worker in this process: it releases the dead pool's job and resumes.
        const worker = await startWorker(h.t.ctx, {
          databaseUrl: h.t.database.url,
          concurrency: 2,
        });
        try {
          const done = await h.waitFor(merchant.id, (s) => s.status === 'completed', 30_000);
          expect(done.steps.every((s) => s.attempts === 1)).toBe(true);
          // Dying in go-live, after the credentials step queued the welcome email.
          await expectExactlyOnce(merchant, { mayBeHeld: step === 'golive' });
        } finally {
          await worker.stop();
        }
      }
    },
  );

  it(
    'SIGTERM lets the running provisioning finish, then the process exits cleanly',
    { timeout: 60_000 },
    async () => {
      for (const child of children) await child.kill();
      const child = await start({ PROVISIONING_FAULTS: 'data:delay:1500@Graceful Goodbye' });
      const merchant = await h.signup('Graceful Goodbye');
      await h.activate(merchant.id);
      await h.waitFor(merchant.id, (s) => s.currentStep === 'data', 30_000);
      child.child.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      expect((await h.status(merchant.id)).status).toBe('completed');
      // A stopping worker takes no new jobs: the welcome email waits for the next worker.
      await start();
      await expectExactlyOnce(merchant);
    },
  );

  it(
    'two worker processes on one database provision each merchant once',
    { timeout: 90_000 },
    async () => {
      for (const child of children) await child.kill();
      const [a, b] = await Promise.all([start(), start()]);
      const merchants = await Promise.all(
        Array.from({ length: 30 }, (_, i) => h.signup(`Shared Queue ${i}`)),
      );
      const res = await h.t.app.inject({
        method: 'POST',
        url: '/api/provisioning/merchants/bulk-activate',
        headers: bearer(await h.t.adminToken()),
        payload: {
          merchantIds: merchants.map((m) => m.id),
          themeId: h.catalog.themes.minimal,
          planId: h.catalog.plans.starter,
        },
      });
      expect(res.statusCode).toBe(202);
      for (const m of merchants) {
        const done = await h.waitFor(m.id, (s) => s.status === 'completed', 60_000);
        expect(done.steps.every((s) => s.attempts === 1)).toBe(true);
      }
      for (const m of merchants) await expectExactlyOnce(m);
      const completedBy = (child: ServerProcess) =>
        child.logs.filter((l) => l.msg === 'provisioning completed').map((l) => l.merchantId);
      const byA = completedBy(a!);
      const byB = completedBy(b!);
      expect(byA.length).toBeGreaterThan(0);
      expect(byB.length).toBeGreaterThan(0);
      expect(new Set([...byA, ...byB]).size).toBe(30);
      expect(byA.length + byB.length).toBe(30);
    },
  );
});
