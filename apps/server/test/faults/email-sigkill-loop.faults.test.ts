import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bearer } from '../helpers.js';
import { startServerProcess, type ServerProcess } from '../server-process.js';
import { emails } from '../../src/modules/email/index.js';
import { setupProvisioningTest } from '../../src/modules/provisioning/testing/provisioning-harness.js';
import { tenants } from '../../src/modules/tenants/index.js';
import { duplicatesOf, receivedCounts } from './email-outbox.js';

const MERCHANTS = 400;
const MAX_KILLS = 12;

/**
 * Issue 14 item 5: 400 merchants provisioned by a worker process that is SIGKILLed again and
 * again, with a mail server taking 50 ms per message. Each welcome email reaches the mail
 * server at most once (counted per Message-ID); an email whose sender died between its claim
 * and its `sent` commit is held as `unknown`, never resent — the figures are the remaining
 * window of ADR 024.
 */
describe('exactly one delivery per email across SIGKILLs', () => {
  const h = setupProvisioningTest({ smtp: true, worker: false });
  let child: ServerProcess | undefined;
  afterAll(async () => {
    await child?.kill();
  });
  const start = () =>
    startServerProcess({
      env: {
        ROLE: 'worker',
        DATABASE_URL: h.t.database.url,
        SMTP_URL: h.smtp!.url,
        JWT_SECRET: 'child-secret-child-secret-child-secret-12',
        QUEUE_POLL_INTERVAL_MS: '50',
        PROVISIONING_RETRY_BASE_MS: '5',
        MAIL_RETRY_BASE_MS: '20',
        LOG_LEVEL: 'warn',
      },
      // A busy machine restarting into a full queue can take a while to answer.
      startTimeoutMs: 90_000,
    });
  const settled = async (ids: string[]) => {
    const rows = await h.t.ctx.db
      .select({ status: emails.status, n: count() })
      .from(emails)
      .where(eq(emails.kind, 'welcome'))
      .groupBy(emails.status);
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const live = await h.t.ctx.db
      .select({ n: count() })
      .from(tenants)
      .where(inArray(tenants.merchantId, ids));
    return { byStatus, tenants: live[0]!.n };
  };

  it(`${MERCHANTS} merchants, up to ${MAX_KILLS} SIGKILLs: 0 duplicates`, async () => {
    h.smtp!.holdMs = 50;
    const merchants = [];
    for (let i = 0; i < MERCHANTS; i += 50) {
      merchants.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, MERCHANTS - i) }, (_, j) =>
            h.signup(`Kill Loop ${i + j}`),
          ),
        )),
      );
    }
    const ids = merchants.map((m) => m.id);
    const res = await h.t.app.inject({
      method: 'POST',
      url: '/api/provisioning/merchants/bulk-activate',
      headers: bearer(await h.t.adminToken()),
      payload: {
        merchantIds: ids,
        themeId: h.catalog.themes.minimal,
        planId: h.catalog.plans.starter,
      },
    });
    expect(res.statusCode).toBe(202);

    let kills = 0;
    const isDone = async () => {
      const { byStatus } = await settled(ids);
      return (byStatus.sent ?? 0) + (byStatus.unknown ?? 0) + (byStatus.failed ?? 0) === MERCHANTS;
    };
    const deadline = Date.now() + 420_000;
    while (!(await isDone()) && Date.now() < deadline) {
      child = await start();
      if (kills < MAX_KILLS) {
        // Kill it somewhere in its work: 0.7–2 s after it answers.
        await new Promise((r) => setTimeout(r, 700 + Math.random() * 1300));
        await child.kill('SIGKILL');
        kills++;
      } else {
        while (!(await isDone()) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 200));
        }
        await child.stop();
      }
    }
    const counts = receivedCounts(h.smtp!);
    const final = await settled(ids);
    const unknownIds = await h.t.ctx.db
      .select({ messageId: emails.messageId })
      .from(emails)
      .where(eq(emails.status, 'unknown'));
    const unknownDelivered = unknownIds.filter((r) => counts.has(r.messageId)).length;
    console.warn('SIGKILL loop:', {
      kills,
      ...final,
      received: h.smtp!.received.length,
      distinct: counts.size,
      duplicates: duplicatesOf(counts),
      unknown: unknownIds.length,
      unknownDelivered,
    });
    expect(final.tenants).toBe(MERCHANTS);
    expect(duplicatesOf(counts)).toBe(0);
    expect((final.byStatus.sent ?? 0) + (final.byStatus.unknown ?? 0)).toBe(MERCHANTS);
    // Every `sent` row was received; every received email is `sent` or `unknown`.
    expect(counts.size).toBe((final.byStatus.sent ?? 0) + unknownDelivered);
  });
});
