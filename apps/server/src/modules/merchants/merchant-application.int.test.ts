import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { emails } from '../email/index.js';
import { buildOtherInstance } from '../../../test/support/other-instance.js';
import { setupProvisioningTest } from '../../../test/support/provisioning-harness.js';
import { merchants, recordMerchantApplication } from './index.js';

const application = (email: string, extra: Record<string, unknown> = {}) => ({
  storeName: 'Juniper & Sage',
  ownerName: 'June Park',
  email,
  businessType: 'Home & garden',
  country: 'nz',
  description: 'Hand-thrown ceramics and dried flowers from Wellington.',
  ...extra,
});

describe('public merchant applications', () => {
  const h = setupProvisioningTest({ smtp: true });
  let clients = 0;
  /** Each test applies from its own client address, so their rate limits do not mix. */
  const newClient = () => `198.51.100.${++clients}`;

  const apply = (payload: unknown, remoteAddress: string, app = h.t.app) =>
    app.inject({
      method: 'POST',
      url: '/api/merchants/signup',
      payload: payload as object,
      remoteAddress,
    });
  const applicationJobsDone = () =>
    vi.waitFor(
      async () => {
        const { rows } = await h.t.ctx.pool.query<{ n: number }>(
          `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'merchants.application'`,
        );
        expect(rows[0]!.n).toBe(0);
      },
      { timeout: 5000, interval: 20 },
    );
  const merchantsWith = (email: string) =>
    h.t.ctx.db
      .select()
      .from(merchants)
      .where(eq(sql`lower(${merchants.email})`, email.toLowerCase()));
  const mailTo = (address: string, count = 1) =>
    vi.waitFor(
      () => {
        const mail = h.smtp!.received.filter((m) => m.to.includes(address));
        expect(mail).toHaveLength(count);
        return mail;
      },
      { timeout: 5000, interval: 20 },
    );

  it('records a new application as pending and acknowledges it by email', async () => {
    const client = newClient();
    const res = await apply(application('june@juniper.test'), client);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });

    const [mail] = await mailTo('june@juniper.test');
    expect(mail!.subject).toBe('We received your application for Juniper & Sage');
    expect(mail!.text).toMatch(/when your store is ready, we will email you/i);
    expect(mail!.html).toContain('Juniper &amp; Sage');
    const [row] = await merchantsWith('june@juniper.test');
    expect(row).toMatchObject({
      status: 'pending',
      storeName: 'Juniper & Sage',
      ownerName: 'June Park',
      businessType: 'Home & garden',
      country: 'NZ',
      description: 'Hand-thrown ceramics and dried flowers from Wellington.',
      tenantId: null,
    });
    const { rows: events } = await h.t.ctx.pool.query(
      `select data->>'merchantId' as id from events where type = 'merchant.signed_up'`,
    );
    expect(events.map((e) => e.id)).toContain(row!.id);
  });

  it('answers a repeated address exactly like a new one and emails its owner instead', async () => {
    const client = newClient();
    const fresh = await apply(application('fresh@juniper.test'), client);
    await mailTo('fresh@juniper.test');

    const pending = await h.signup('Already Waiting');
    const active = await h.signup('Already Live');
    await h.t.ctx.db.update(merchants).set({ status: 'active' }).where(eq(merchants.id, active.id));
    const again = await apply(
      application(pending.email.toUpperCase(), { storeName: 'Second Try' }),
      client,
    );
    const live = await apply(application(active.email), client);

    for (const res of [again, live]) {
      expect(res.statusCode).toBe(fresh.statusCode);
      expect(res.body).toBe(fresh.body);
      expect(res.headers['content-type']).toBe(fresh.headers['content-type']);
    }
    const [reminder] = await mailTo(pending.email);
    expect(reminder!.subject).toBe('You have already applied for Already Waiting');
    const [signIn] = await mailTo(active.email);
    expect(signIn!.subject).toBe('You already have a store on Orbit360: Already Live');
    expect(signIn!.text).toContain(`${h.t.ctx.config.platform.dashboardUrl}/login`);
    expect(signIn!.text).toContain(`${h.t.ctx.config.platform.dashboardUrl}/forgot-password`);

    // Nothing was changed or added: one merchant per address, under its first name.
    expect((await merchantsWith(pending.email)).map((m) => m.storeName)).toEqual([
      'Already Waiting',
    ]);
    expect(await merchantsWith(active.email)).toHaveLength(1);

    // Repeating again within the hour sends no second reminder.
    await apply(application(pending.email), client);
    await applicationJobsDone();
    const outbox = await h.t.ctx.db.select().from(emails).where(eq(emails.to, pending.email));
    expect(outbox).toHaveLength(1);
  });

  it('answers a filled spam trap like success and keeps nothing', async () => {
    const res = await apply(
      application('bot@spam.test', { website: 'https://cheap-pills.test' }),
      newClient(),
    );
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });
    await applicationJobsDone();
    expect(await merchantsWith('bot@spam.test')).toHaveLength(0);
    expect(await h.t.ctx.db.select().from(emails).where(eq(emails.to, 'bot@spam.test'))).toEqual(
      [],
    );
  });

  it('throttles a burst from one client on every instance, not other clients', async () => {
    const client = newClient();
    // A second instance of the platform on the same database.
    const { app: other } = await buildOtherInstance(h.t);
    try {
      const answers: number[] = [];
      for (let n = 0; n < 60; n++) {
        const app = n % 2 ? other : h.t.app;
        answers.push((await apply(application(`burst${n}@spam.test`), client, app)).statusCode);
      }
      expect(answers.slice(0, 5)).toEqual(Array(5).fill(202));
      expect(answers.slice(5)).toEqual(Array(55).fill(429));

      const refused = await apply(application('burst-last@spam.test'), client, other);
      expect(refused.statusCode).toBe(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect(refused.json().error).toMatchObject({
        code: 'RATE_LIMITED',
        message: expect.stringMatching(
          /^Too many applications came from your connection; please try again in \d+ (seconds|minutes)$/,
        ),
      });
      expect((await apply(application('neighbour@shop.test'), newClient())).statusCode).toBe(202);
    } finally {
      await other.close();
    }
    await applicationJobsDone();
    const { rows } = await h.t.ctx.pool.query<{ n: number }>(
      `select count(*)::int as n from merchants where email like 'burst%@spam.test'`,
    );
    expect(rows[0]!.n).toBe(5);
  });

  it('lets exactly 5 of a parallel burst from one client through, across instances', async () => {
    const client = newClient();
    const { app: other } = await buildOtherInstance(h.t);
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, n) =>
          apply(application(`parallel${n}@spam.test`), client, n % 2 ? other : h.t.app),
        ),
      );
      const codes = answers.map((a) => a.statusCode);
      expect(codes.filter((c) => c === 202)).toHaveLength(5);
      expect(codes.filter((c) => c === 429)).toHaveLength(25);
      expect(
        (await apply(application('parallel-neighbour@shop.test'), newClient())).statusCode,
      ).toBe(202);
    } finally {
      await other.close();
    }
  });

  it('caps applications of all clients together per minute (configurable)', async () => {
    const { ctx: capped, app } = await buildOtherInstance(h.t, {
      config: {
        ...h.t.ctx.config,
        limits: { signup: { perClient: 5, windowMs: 600_000, globalPerMinute: 3 } },
      },
    });
    await capped.signupGlobalLimiter.reset('all');
    try {
      const codes: number[] = [];
      for (let n = 0; n < 4; n++) {
        codes.push((await apply(application(`global${n}@spam.test`), newClient(), app)).statusCode);
      }
      expect(codes).toEqual([202, 202, 202, 429]);
      const refused = await apply(application('global-last@spam.test'), newClient(), app);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused.json().error.message).toMatch(/a lot of applications right now/);
    } finally {
      await capped.signupGlobalLimiter.reset('all');
      await app.close();
    }
  });

  it('names every invalid field with the messages the form shows', async () => {
    const res = await apply(
      { storeName: ' ', email: 'not-an-email', country: 'XX', phone: 'call me' },
      newClient(),
    );
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(
      res
        .json()
        .error.details.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    );
    expect(fields).toMatchObject({
      'body.storeName': 'Enter the name of your store',
      'body.ownerName': 'Enter your name',
      'body.email': 'Enter a valid email address, like you@store.com',
      'body.businessType': 'Choose what you sell',
      'body.country': 'Choose your country',
      'body.phone': 'must be a phone number',
    });
    const long = await apply(
      application('long@juniper.test', { description: 'x'.repeat(501) }),
      newClient(),
    );
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.fields[0].field).toBe('body.description');
  });

  it('records a retried application job once', async () => {
    const applicationId = randomUUID();
    const input = { ...application('retry@juniper.test'), country: 'NZ' };
    const first = await recordMerchantApplication({
      db: h.t.ctx.db,
      config: h.t.ctx.config,
      applicationId,
      input,
    });
    const second = await recordMerchantApplication({
      db: h.t.ctx.db,
      config: h.t.ctx.config,
      applicationId,
      input,
    });
    expect(first.outcome).toBe('created');
    expect(second.outcome).toBe('created');
    expect(await merchantsWith('retry@juniper.test')).toHaveLength(1);
    await mailTo('retry@juniper.test');
    const outbox = await h.t.ctx.db
      .select()
      .from(emails)
      .where(eq(emails.to, 'retry@juniper.test'));
    expect(outbox.map((e) => e.kind)).toEqual(['application_received']);
  });
});
