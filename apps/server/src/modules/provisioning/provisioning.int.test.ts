import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { bearer } from '../../../test/helpers.js';
import { auditLog } from '../audit/index.js';
import { merchantAccounts } from '../auth/index.js';
import { events } from '../realtime/index.js';
import { tenants } from '../tenants/index.js';
import { setupProvisioningTest, tokenFrom } from '../../../test/support/provisioning-harness.js';

describe('provisioning: happy path end to end', () => {
  const h = setupProvisioningTest({ smtp: true });
  /** Stores answer on the platform's own port (PLATFORM_DOMAIN defaults to localhost:<PORT>). */
  const domain = () => h.t.ctx.config.platform.domain;

  it('activates a merchant: website live, welcome email received, owner sets a password and logs in', async () => {
    const merchant = await h.signup('Acme & Sons');
    const activated = await h.activate(merchant.id, {
      themeId: h.catalog.themes.classic,
      planId: h.catalog.plans.professional,
      settings: { currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR' },
    });
    expect(activated.statusCode).toBe(202);
    expect(activated.body).toMatchObject({
      merchantId: merchant.id,
      status: 'queued',
      progress: 0,
    });
    expect(activated.body.steps.map((s) => [s.key, s.progress])).toEqual([
      ['workspace', 25],
      ['dashboard', 40],
      ['website', 60],
      ['data', 80],
      ['credentials', 95],
      ['golive', 100],
    ]);

    const done = await h.waitFor(merchant.id, (s) => s.status === 'completed');
    expect(done).toMatchObject({ progress: 100, currentStep: null, error: null });
    expect(done.steps.every((s) => s.status === 'completed' && s.attempts === 1)).toBe(true);
    expect(done.steps.every((s) => typeof s.durationMs === 'number')).toBe(true);
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    expect(done.deployment.merchantId).toMatch(/^merchant_[0-9a-f]{12}$/);
    expect(done.deployment.tenantNamespace).toBe(`tenant_${done.deployment.merchantId}`);
    expect(done.deployment.websiteUrl).toBe(`http://acme-and-sons.${domain()}/`);
    expect(done.deployment.dashboardUrl).toBe(
      `http://localhost:3003/?merchant=${done.deployment.merchantId}`,
    );

    const admin = bearer(await h.t.adminToken());
    const merchantRes = await h.t.app.inject({
      url: `/api/admin/merchants/${merchant.id}`,
      headers: admin,
    });
    expect(merchantRes.json()).toMatchObject({
      status: 'active',
      merchantCode: done.deployment.merchantId,
      tenantId: done.storeId,
      themeId: h.catalog.themes.classic,
      planId: h.catalog.plans.professional,
    });

    // The website answers publicly, by host name, with the store's (escaped) name.
    const site = await h.fetchSite(`acme-and-sons.${domain()}`);
    expect(site.status).toBe(200);
    expect(site.body).toContain('Acme &amp; Sons');

    // The welcome email, as the SMTP server received it.
    const [email] = await h.smtp!.waitFor(1);
    expect(email!.to).toEqual([merchant.email]);
    expect(email!.messageId).toBe(`<provisioning-${done.id}@orbit360>`);
    expect(email!.subject).toContain('Acme & Sons');
    for (const body of [email!.text, email!.html]) {
      expect(body).toContain(`http://acme-and-sons.${domain()}/`);
      expect(body).toContain(`?merchant=${done.deployment.merchantId}`);
      expect(body).toContain('http://localhost:3003/set-password?token=');
    }
    expect(email!.text).not.toMatch(/password\s*[:=]\s*\S/i);
    const token = tokenFrom(email!.text)!;
    expect(token.length).toBeGreaterThanOrEqual(40);

    // The email log shows it sent, with the one-time link masked (it went to a real mailbox).
    // The SMTP server accepts the message just before the delivery job records it: poll.
    const entry = await vi.waitFor(
      async () => {
        const log = await h.t.app.inject({
          url: `/api/admin/emails?to=${merchant.email}`,
          headers: admin,
        });
        expect(log.statusCode).toBe(200);
        expect(log.json().items).toHaveLength(1);
        expect(log.json().items[0].status).toBe('sent');
        return log.json().items[0];
      },
      { timeout: 5000, interval: 20 },
    );
    expect(entry).toMatchObject({
      status: 'sent',
      transport: 'smtp',
      attempts: 1,
      messageId: email!.messageId,
      kind: 'welcome',
    });
    expect(entry.text).not.toContain(token);

    // Set the password with the one-time token, then log in.
    const weak = await h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/set-password',
      payload: { token, password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields[0].field).toBe('body.password');
    const set = await h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/set-password',
      payload: { token, password: 'my-new-password-42' },
    });
    expect(set.statusCode).toBe(200);
    const reused = await h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/set-password',
      payload: { token, password: 'another-password-42' },
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.details.reason).toBe('used');

    const login = await h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/login',
      payload: { email: merchant.email, password: 'my-new-password-42' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().merchant).toEqual({
      id: expect.any(String),
      merchantId: merchant.id,
      tenantId: done.storeId,
      role: 'owner',
    });
    const merchantToken = bearer(login.json().token);

    // Audiences are separate: a merchant token is refused by admin endpoints and vice versa.
    expect(
      (await h.t.app.inject({ url: '/api/admin/merchants', headers: merchantToken })).statusCode,
    ).toBe(403);
    expect(
      (await h.t.app.inject({ url: '/api/merchant/overview', headers: admin })).statusCode,
    ).toBe(403);

    const overview = await h.t.app.inject({
      url: '/api/merchant/overview',
      headers: merchantToken,
    });
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({
      merchant: { id: merchant.id, status: 'active', storeName: 'Acme & Sons' },
      store: {
        name: 'Acme & Sons',
        slug: 'acme-and-sons',
        status: 'live',
        websiteUrl: `http://acme-and-sons.${domain()}/`,
        currency: 'EUR',
        timezone: 'Europe/Paris',
        locale: 'fr-FR',
      },
      plan: { key: 'professional' },
      theme: { key: 'classic' },
    });
    const tasks = overview.json().onboarding.tasks;
    expect(tasks.length).toBeGreaterThanOrEqual(5);
    expect(tasks.find((t: { key: string }) => t.key === 'set_password').isDone).toBe(true);

    // Lifecycle recorded in the audit log and broadcast as events, in order.
    const audit = await h.t.app.inject({
      url: `/api/admin/audit?targetType=merchant&targetId=${merchant.id}`,
      headers: admin,
    });
    expect(
      audit
        .json()
        .items.map((i: { action: string }) => i.action)
        .reverse(),
    ).toEqual(['merchant.signed_up', 'merchant.activation_requested', 'merchant.activated']);
    const stream = await h.t.ctx.db
      .select({ type: events.type, data: events.data })
      .from(events)
      .where(like(events.type, 'provisioning.%'))
      .orderBy(events.seq);
    const mine = stream.filter((e) => e.data.merchantId === merchant.id);
    expect(mine[0]!.type).toBe('provisioning.queued');
    expect(mine.at(-1)!.type).toBe('provisioning.completed');
    const progress = mine
      .filter((e) => e.type === 'provisioning.step_completed')
      .map((e) => e.data.progress);
    expect(progress).toEqual([25, 40, 60, 80, 95, 100]);
  });

  it('resolves slug collisions and honours an explicitly requested slug', async () => {
    const first = await h.signup('Twin Shop');
    const second = await h.signup('Twin Shop');
    const third = await h.signup('Third Store');
    await h.activate(first.id);
    await h.activate(second.id);
    await h.activate(third.id, {
      themeId: h.catalog.themes.minimal,
      planId: h.catalog.plans.starter,
      settings: { slug: 'my-own-address', storeName: 'Renamed Store' },
    });
    const done = await Promise.all(
      [first, second, third].map((m) => h.waitFor(m.id, (s) => s.status === 'completed')),
    );
    const urls = done.map((s) => s.deployment.websiteUrl).sort();
    expect(urls).toEqual([
      `http://my-own-address.${domain()}/`,
      `http://twin-shop-2.${domain()}/`,
      `http://twin-shop.${domain()}/`,
    ]);
    const renamed = await h.fetchSite(`my-own-address.${domain()}`);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toContain('Renamed Store');

    // The slug is now taken: requesting it again is a conflict naming the field.
    const late = await h.signup();
    const conflict = await h.activate(late.id, {
      themeId: h.catalog.themes.modern,
      planId: h.catalog.plans.starter,
      settings: { slug: 'twin-shop' },
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.error).toMatchObject({
      code: 'CONFLICT',
      details: { fields: [{ field: 'body.settings.slug', message: 'is already taken' }] },
    });
  });

  it('activation is idempotent: sequential repeats, Idempotency-Key replays, 50 concurrent requests', async () => {
    const merchant = await h.signup();
    const key = { 'idempotency-key': `activate-${merchant.id}` };
    const first = await h.activate(merchant.id, undefined, key);
    expect(first.statusCode).toBe(202);
    const replay = await h.activate(merchant.id, undefined, key);
    expect(replay.statusCode).toBe(202);
    expect(replay.body.id).toBe(first.body.id);
    const plain = await h.activate(merchant.id);
    expect(plain.statusCode).toBe(200);
    expect(plain.body.id).toBe(first.body.id);
    const reusedKey = await h.activate(
      merchant.id,
      { themeId: h.catalog.themes.minimal, planId: h.catalog.plans.starter },
      key,
    );
    expect(reusedKey.statusCode).toBe(409);

    const crowd = await h.signup();
    const results = await Promise.all(Array.from({ length: 50 }, () => h.activate(crowd.id)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 202)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(49);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);

    const keyed = await h.signup();
    const sameKey = { 'idempotency-key': 'one-click-many-requests' };
    const keyedResults = await Promise.all(
      Array.from({ length: 50 }, () => h.activate(keyed.id, undefined, sameKey)),
    );
    expect(keyedResults.every((r) => r.statusCode === 202)).toBe(true);
    expect(new Set(keyedResults.map((r) => r.body.id)).size).toBe(1);

    for (const m of [merchant, crowd, keyed]) {
      await h.waitFor(m.id, (s) => s.status === 'completed');
      const tenantRows = await h.t.ctx.db
        .select()
        .from(tenants)
        .where(eq(tenants.merchantId, m.id));
      expect(tenantRows).toHaveLength(1);
      const owners = await h.t.ctx.db
        .select()
        .from(merchantAccounts)
        .where(and(eq(merchantAccounts.merchantId, m.id), eq(merchantAccounts.role, 'owner')));
      expect(owners).toHaveLength(1);
    }
    const activations = await h.t.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'merchant.activation_requested'), eq(auditLog.targetId, crowd.id)),
      );
    expect(activations).toHaveLength(1);
    await h.smtp!.waitFor(7);
    const welcomeTo = h.smtp!.received.map((e) => e.to[0]);
    for (const m of [merchant, crowd, keyed]) {
      expect(welcomeTo.filter((to) => to === m.email)).toHaveLength(1);
    }
  });
});
