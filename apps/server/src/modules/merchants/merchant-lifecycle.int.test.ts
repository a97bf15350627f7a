import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bearer } from '../../../test/helpers.js';
import { events } from '../realtime/index.js';
import { emails } from '../email/index.js';
import { oneTimeToken } from '../auth/index.js';
import { setupProvisioningTest } from '../../../test/support/provisioning-harness.js';

describe('merchant lifecycle: suspend and reactivate', () => {
  const h = setupProvisioningTest();

  it('suspends an active merchant (website unavailable, login refused) and reactivates it', async () => {
    const merchant = await h.signup('Pause Point');
    await h.activate(merchant.id);
    const done = await h.waitFor(merchant.id, (s) => s.status === 'completed');
    const host = new URL(done.deployment.websiteUrl!).host;
    expect((await h.fetchSite(host)).status).toBe(200);
    const [welcome] = await h.t.ctx.db.select().from(emails).where(eq(emails.to, merchant.email));
    const credentials = { email: merchant.email, password: 'pause-point-password-1' };
    const setPassword = await h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/set-password',
      payload: {
        token: oneTimeToken(h.t.ctx.secrets.links, welcome!.tokenRef!),
        password: credentials.password,
      },
    });
    expect(setPassword.statusCode).toBe(200);
    const login = () =>
      h.t.app.inject({ method: 'POST', url: '/api/auth/merchant/login', payload: credentials });

    const admin = bearer(await h.t.adminToken());
    const viewer = bearer(await h.t.adminToken('viewer'));
    const url = (verb: string, id = merchant.id) => `/api/admin/merchants/${id}/${verb}`;
    expect(
      (await h.t.app.inject({ method: 'POST', url: url('suspend'), headers: viewer })).statusCode,
    ).toBe(403);
    expect(
      (await h.t.app.inject({ method: 'POST', url: url('reactivate'), headers: admin })).statusCode,
    ).toBe(409);

    const suspended = await h.t.app.inject({
      method: 'POST',
      url: url('suspend'),
      headers: admin,
      payload: { reason: 'Unpaid invoice' },
    });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json().status).toBe('suspended');
    expect((await h.fetchSite(host)).status).toBe(503);
    expect((await login()).statusCode).toBe(403);
    expect(
      (await h.t.app.inject({ method: 'POST', url: url('suspend'), headers: admin })).statusCode,
    ).toBe(409);
    const activateAgain = await h.activate(merchant.id);
    expect(activateAgain.statusCode).toBe(200);

    const reactivated = await h.t.app.inject({
      method: 'POST',
      url: url('reactivate'),
      headers: admin,
    });
    expect(reactivated.statusCode).toBe(200);
    expect(reactivated.json().status).toBe('active');
    expect((await h.fetchSite(host)).status).toBe(200);
    expect((await login()).statusCode).toBe(200);

    expect(
      (
        await h.t.app.inject({
          method: 'POST',
          url: url('suspend', crypto.randomUUID()),
          headers: admin,
        })
      ).statusCode,
    ).toBe(404);

    const audit = await h.t.app.inject({
      url: `/api/admin/audit?targetId=${merchant.id}`,
      headers: viewer,
    });
    expect(audit.statusCode).toBe(200);
    const actions = audit
      .json()
      .items.map((i: { action: string }) => i.action)
      .reverse();
    expect(actions).toEqual([
      'merchant.signed_up',
      'merchant.activation_requested',
      'merchant.activated',
      'merchant.suspended',
      'merchant.reactivated',
    ]);
    const suspension = audit
      .json()
      .items.find((i: { action: string }) => i.action === 'merchant.suspended');
    expect(suspension).toMatchObject({
      actor: { type: 'admin', id: expect.any(String) },
      target: { type: 'merchant', id: merchant.id },
      tenantId: done.storeId,
      data: { previous: 'active', status: 'suspended', reason: 'Unpaid invoice' },
    });
    const byAction = await h.t.app.inject({
      url: '/api/admin/audit?action=merchant.suspended&pageSize=1',
      headers: viewer,
    });
    expect(byAction.json()).toMatchObject({ total: 1, pageSize: 1 });

    const changes = await h.t.ctx.db
      .select({ data: events.data, tenantId: events.tenantId })
      .from(events)
      .where(eq(events.type, 'merchant.status_changed'))
      .orderBy(events.seq);
    const mine = changes.filter((e) => e.data.merchantId === merchant.id);
    expect(mine.map((e) => `${e.data.previous}->${e.data.status}`)).toEqual([
      'pending->provisioning',
      'provisioning->active',
      'active->suspended',
      'suspended->active',
    ]);
    expect(mine.slice(1).every((e) => e.tenantId === done.storeId)).toBe(true);
  });
});
