import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PROVISIONING_STEP_KEYS } from '@orbit360/contracts';
import { bearer } from '../../../test/helpers.js';
import { merchantAccounts } from '../auth/index.js';
import { emails } from '../email/index.js';
import { events } from '../realtime/index.js';
import { siteVersions } from '../storefront/index.js';
import { tenants } from '../tenants/index.js';
import { provisioningSteps, provisionings } from './provisioning.table.js';
import { withTenant } from '../../platform/database/index.js';
import { isSettled, setupProvisioningTest } from '../../../test/support/provisioning-harness.js';

// Each store name selects its own fault: `<step>:fail:<n>@<store name>`.
const failOnce = (step: string) => `FailOnce ${step}`;
const failAlways = (step: string) => `FailAlways ${step}`;
const faults = PROVISIONING_STEP_KEYS.flatMap((step) => [
  `${step}:fail:1@${failOnce(step)}`,
  `${step}:fail:3@${failAlways(step)}`,
]).join(',');

/** Things an injected failure carries that must never reach the API, events or emails. */
const LEAKS = [
  '10.20.30.40',
  'db.internal',
  'select',
  'sk_live',
  'hunter2',
  'ECONNREFUSED',
  ' at ',
];

describe('provisioning: fault injection in every step', () => {
  const h = setupProvisioningTest({ faults });

  async function assertExactlyOnce(merchantId: string) {
    const db = h.t.ctx.db;
    const tenantRows = await db.select().from(tenants).where(eq(tenants.merchantId, merchantId));
    expect(tenantRows).toHaveLength(1);
    const tenantId = tenantRows[0]!.id;
    expect(
      await db.select().from(merchantAccounts).where(eq(merchantAccounts.tenantId, tenantId)),
    ).toHaveLength(1);
    const versions = await withTenant(db, tenantId, (tx) => tx.select().from(siteVersions));
    expect(versions).toHaveLength(1);
    expect(await db.select().from(emails).where(eq(emails.tenantId, tenantId))).toHaveLength(1);
  }

  it.each(PROVISIONING_STEP_KEYS)(
    'a %s step failing once is retried and completes',
    async (step) => {
      const merchant = await h.signup(failOnce(step));
      await h.activate(merchant.id);
      const done = await h.waitFor(merchant.id, isSettled);
      expect(done.status).toBe('completed');
      for (const s of done.steps) {
        expect(s.status).toBe('completed');
        expect(s.attempts).toBe(s.key === step ? 2 : 1);
        expect(s.error).toBeNull();
      }
      await assertExactlyOnce(merchant.id);
      const failures = await h.t.ctx.db
        .select({ data: events.data })
        .from(events)
        .where(eq(events.type, 'provisioning.step_failed'));
      const mine = failures.filter((e) => e.data.merchantId === merchant.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.data).toMatchObject({ step, attempt: 1, willRetry: true });
    },
  );

  it.each(PROVISIONING_STEP_KEYS)(
    'a %s step failing every attempt fails the run with a sanitized error; a manual retry resumes and completes',
    async (step) => {
      const merchant = await h.signup(failAlways(step));
      await h.activate(merchant.id);
      const failed = await h.waitFor(merchant.id, isSettled);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatchObject({ step, attempt: 3 });
      const failedStep = failed.steps.find((s) => s.key === step)!;
      expect(failedStep).toMatchObject({ status: 'failed', attempts: 3 });
      const before = failed.steps.filter((s) => s.status === 'completed');
      expect(before.map((s) => s.key)).toEqual(
        PROVISIONING_STEP_KEYS.slice(0, PROVISIONING_STEP_KEYS.indexOf(step)),
      );
      // Sanitized everywhere it is shown: the status API and the realtime events.
      const stream = await h.t.ctx.db.select({ data: events.data }).from(events);
      const published = stream
        .filter((e) => e.data.merchantId === merchant.id)
        .map((e) => JSON.stringify(e.data));
      for (const text of [failed.error!.message, failedStep.error!.message, ...published]) {
        for (const leak of LEAKS) expect(text).not.toContain(leak);
      }
      expect(failed.error!.message).toMatch(/because of an internal error; it can be retried$/);
      const admin = bearer(await h.t.adminToken());
      const merchantRow = await h.t.app.inject({
        url: `/api/admin/merchants/${merchant.id}`,
        headers: admin,
      });
      expect(merchantRow.json().status).toBe('failed');

      const retry = await h.t.app.inject({
        method: 'POST',
        url: `/api/provisioning/merchants/${merchant.id}/retry-provisioning`,
        headers: admin,
      });
      expect(retry.statusCode).toBe(202);
      expect(retry.json().status).toBe('running');
      const done = await h.waitFor(merchant.id, isSettled);
      expect(done.status).toBe('completed');
      // Completed steps were kept, not redone; the failed step resumed as attempt 4.
      for (const s of before) {
        const after = done.steps.find((x) => x.key === s.key)!;
        expect(after).toMatchObject({
          attempts: 1,
          startedAt: s.startedAt,
          finishedAt: s.finishedAt,
        });
      }
      expect(done.steps.find((s) => s.key === step)).toMatchObject({
        status: 'completed',
        attempts: 4,
      });
      await assertExactlyOnce(merchant.id);
      const again = await h.t.app.inject({
        method: 'POST',
        url: `/api/provisioning/merchants/${merchant.id}/retry-provisioning`,
        headers: admin,
      });
      expect(again.statusCode).toBe(409);
    },
  );

  it('runs provisioned together share step transactions; a failing run fails alone', async () => {
    const names = ['Batch Twin', 'Batch Twin', 'Batch 3', 'Batch 4', 'Batch 5'];
    const good = await Promise.all(names.map((name) => h.signup(name)));
    const bad = await h.signup(`Batch ${failAlways('data')}`);
    await Promise.all([...good, bad].map((m) => h.activate(m.id)));
    const settled = await Promise.all([...good, bad].map((m) => h.waitFor(m.id, isSettled)));
    expect(settled.map((s) => s.status)).toEqual([...good.map(() => 'completed'), 'failed']);
    expect(settled.at(-1)!.steps.find((s) => s.key === 'data')).toMatchObject({
      status: 'failed',
      attempts: 3,
    });
    for (const m of good) await assertExactlyOnce(m.id);
    const slugs = settled
      .slice(0, good.length)
      .map((s) => new URL(s.deployment.websiteUrl!).hostname);
    expect(new Set(slugs).size).toBe(good.length);
    expect(slugs.filter((host) => host.startsWith('batch-twin')).sort()).toEqual([
      expect.stringMatching(/^batch-twin-2\./),
      expect.stringMatching(/^batch-twin\./),
    ]);
    // A row's xmin is the transaction that last wrote it: completed steps of different runs
    // committed by one transaction were one batch.
    const rows = await h.t.ctx.db
      .select({ tx: sql<string>`${provisioningSteps}.xmin::text` })
      .from(provisioningSteps)
      .innerJoin(provisionings, eq(provisionings.id, provisioningSteps.provisioningId))
      .where(
        inArray(
          provisionings.merchantId,
          good.map((m) => m.id),
        ),
      );
    expect(rows).toHaveLength(good.length * PROVISIONING_STEP_KEYS.length);
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThan(rows.length);
  });
});
