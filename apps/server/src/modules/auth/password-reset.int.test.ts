import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { emails } from '../email/index.js';
import { merchants } from '../merchants/index.js';
import { setupProvisioningTest, tokenFrom } from '../../../test/support/provisioning-harness.js';
import { passwordTokens } from './index.js';

describe('merchant password reset', () => {
  const h = setupProvisioningTest({ smtp: true });

  const requestReset = (email: unknown) =>
    h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/password-reset',
      payload: { email },
    });
  const setPassword = (token: string, password: string) =>
    h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/set-password',
      payload: { token, password },
    });
  // The request only queues the work; "nothing was sent" is checked once the queue is done.
  const resetJobsDone = () =>
    vi.waitFor(
      async () => {
        const { rows } = await h.t.ctx.pool.query<{ n: number }>(
          `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'auth.password_reset'`,
        );
        expect(rows[0]!.n).toBe(0);
      },
      { timeout: 5000, interval: 20 },
    );
  const outboxFor = (to: string) => h.t.ctx.db.select().from(emails).where(eq(emails.to, to));
  const login = (email: string, password: string) =>
    h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/login',
      payload: { email, password },
    });

  it('emails a one-time link that replaces the old ones and sets a new password', async () => {
    const merchant = await h.signup('Reset Ridge');
    await h.activate(merchant.id);
    await h.waitFor(merchant.id, (s) => s.status === 'completed');
    const [welcome] = await h.smtp!.waitFor(1);
    const welcomeToken = tokenFrom(welcome!.text)!;

    const res = await requestReset(merchant.email.toUpperCase());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });
    const [, reset] = await h.smtp!.waitFor(2);
    expect(reset!.to).toEqual([merchant.email]);
    expect(reset!.subject).toBe('Choose a new password for Reset Ridge');
    expect(reset!.text).not.toMatch(/password:\s*\S{8,}/i);
    const resetToken = tokenFrom(reset!.text)!;
    expect(resetToken).toBeTruthy();
    expect(reset!.html).toContain(`token=${resetToken}`);

    // The welcome link is superseded; the new one works once.
    expect(
      (await setPassword(welcomeToken, 'a-new-passphrase-42')).json().error.details,
    ).toMatchObject({ reason: 'expired' });
    expect((await setPassword(resetToken, 'a-new-passphrase-42')).statusCode).toBe(200);
    expect(
      (await setPassword(resetToken, 'another-passphrase-43')).json().error.details,
    ).toMatchObject({ reason: 'used' });
    expect((await login(merchant.email, 'a-new-passphrase-42')).statusCode).toBe(200);

    // A second request within the minute sends nothing more (same answer).
    expect((await requestReset(merchant.email)).statusCode).toBe(202);
    await resetJobsDone();
    expect(await outboxFor(merchant.email)).toHaveLength(2);
    expect(h.smtp!.received).toHaveLength(2);
  });

  it('answers the same for unknown and suspended addresses, and sends nothing', async () => {
    const unknown = await requestReset('nobody-here@example.com');
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual({ accepted: true });
    await resetJobsDone();
    expect(await outboxFor('nobody-here@example.com')).toHaveLength(0);

    const merchant = await h.signup('Suspended Springs');
    await h.activate(merchant.id);
    await h.waitFor(merchant.id, (s) => s.status === 'completed');
    await h.t.ctx.db
      .update(merchants)
      .set({ status: 'suspended' })
      .where(eq(merchants.id, merchant.id));
    // Its welcome email is in; from here on, nothing more may arrive.
    await vi.waitFor(
      () => expect(h.smtp!.received.some((m) => m.to.includes(merchant.email))).toBe(true),
      { timeout: 5000, interval: 20 },
    );
    const delivered = h.smtp!.received.length;
    const before = await h.t.ctx.db.select().from(passwordTokens);
    expect((await requestReset(merchant.email)).statusCode).toBe(202);
    await resetJobsDone();
    expect(await h.t.ctx.db.select().from(passwordTokens)).toHaveLength(before.length);
    expect(await outboxFor(merchant.email)).toHaveLength(1);
    expect(h.smtp!.received).toHaveLength(delivered);
  });

  it('rejects a malformed address with a 400 naming the field', async () => {
    for (const email of ['not-an-email', '', 42, undefined]) {
      const res = await requestReset(email);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain('email');
    }
  });
});
