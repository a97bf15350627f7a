import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { bearer } from '../../../test/helpers.js';
import { oneTimeToken, passwordTokens } from '../auth/index.js';
import { emails, ONE_TIME_TOKEN_PLACEHOLDER } from '../email/index.js';
import { setupProvisioningTest } from '../../../test/support/provisioning-harness.js';

describe('welcome email: SMTP outage, then recovery', () => {
  const h = setupProvisioningTest({ smtp: true, env: { MAIL_RETRY_BASE_MS: '40' } });

  it('the store goes live during the outage; the email is retried and delivered once', async () => {
    await h.smtp!.stop();
    const merchant = await h.signup('Outage Outfitters');
    await h.activate(merchant.id);
    const done = await h.waitFor(merchant.id, (s) => s.status === 'completed');
    expect(done.steps.find((s) => s.key === 'credentials')!.status).toBe('completed');

    const admin = bearer(await h.t.adminToken());
    const readLog = async () =>
      (
        await h.t.app.inject({ url: `/api/admin/emails?to=${merchant.email}`, headers: admin })
      ).json().items[0];
    // Between two attempts (not mid-attempt, when the row is claimed as `sending`).
    const between = (item: { attempts: number; status: string }) =>
      item.attempts >= 2 && item.status === 'queued';
    for (let i = 0; i < 200 && !between(await readLog()); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const pending = await readLog();
    expect(pending).toMatchObject({ status: 'queued', sentAt: null });
    expect(pending.attempts).toBeGreaterThanOrEqual(2);
    expect(pending.lastError).toMatch(/^Mail server unavailable \([A-Z_]+\)$/);
    expect(pending.lastError).not.toContain('127.0.0.1');
    expect(h.smtp!.received).toHaveLength(0);

    await h.smtp!.start();
    const [email] = await h.smtp!.waitFor(1);
    expect(email!.to).toEqual([merchant.email]);
    expect(email!.messageId).toBe(`<provisioning-${done.id}@orbit360>`);
    const sent = await vi.waitFor(
      async () => {
        const item = await readLog();
        expect(item.status).toBe('sent');
        return item;
      },
      { timeout: 5000, interval: 20 },
    );
    // Once recorded as sent, nothing is delivered a second time.
    await new Promise((r) => setTimeout(r, 300));
    expect(h.smtp!.received).toHaveLength(1);
    expect(sent).toMatchObject({ status: 'sent', transport: 'smtp', lastError: pending.lastError });
    expect(sent.attempts).toBeGreaterThan(pending.attempts - 1);
  });
});

describe('welcome email without SMTP_URL: kept in the email log', () => {
  const h = setupProvisioningTest();

  it('is marked sent to the log; no role can read or use its one-time link there', async () => {
    const merchant = await h.signup('Logbook Lane');
    await h.activate(merchant.id);
    await h.waitFor(merchant.id, (s) => s.status === 'completed');
    const viewer = bearer(await h.t.adminToken('viewer'));
    let item;
    for (let i = 0; i < 100; i++) {
      const log = await h.t.app.inject({
        url: `/api/admin/emails?to=${merchant.email}`,
        headers: viewer,
      });
      expect(log.statusCode).toBe(200);
      item = log.json().items[0];
      if (item?.status === 'sent') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(item).toMatchObject({ status: 'sent', transport: 'log', attempts: 1, kind: 'welcome' });
    expect(item.html).toContain('Set your password');
    expect(item.text).toContain('/set-password?token=[hidden]');

    // Nothing in the log (any word of its text or HTML) sets the merchant's password.
    const words = new Set(`${item.text} ${item.html}`.match(/[A-Za-z0-9_-]{20,}/g) ?? []);
    for (const candidate of words) {
      const res = await h.t.app.inject({
        method: 'POST',
        url: '/api/auth/merchant/set-password',
        payload: { token: candidate, password: 'taken-over-passphrase-9' },
      });
      expect(res.statusCode).toBe(400);
    }
    // Nor does the stored row: it holds a placeholder and a reference, not the token.
    const [row] = await h.t.ctx.db.select().from(emails).where(eq(emails.to, merchant.email));
    expect(row!.text).toContain(`token=${ONE_TIME_TOKEN_PLACEHOLDER}`);
    expect(row!.tokenRef).toMatch(/^[0-9a-f-]{36}$/);

    // A merchant may not read the log; a bad page is a 400.
    const invalidPage = await h.t.app.inject({ url: '/api/admin/emails?page=0', headers: viewer });
    expect(invalidPage.statusCode).toBe(400);
  });

  it('set-password tokens: unknown, expired and used tokens are refused with a reason', async () => {
    const merchant = await h.signup('Token Traders');
    await h.activate(merchant.id);
    await h.waitFor(merchant.id, (s) => s.status === 'completed');
    const [row] = await h.t.ctx.db.select().from(emails).where(eq(emails.to, merchant.email));
    const token = oneTimeToken(h.t.ctx.secrets.links, row!.tokenRef!);
    const setPassword = (payload: Record<string, unknown>) =>
      h.t.app.inject({ method: 'POST', url: '/api/auth/merchant/set-password', payload });

    const unknown = await setPassword({ token: 'x'.repeat(43), password: 'valid-password-1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.reason).toBe('invalid');
    const missing = await setPassword({ password: 'valid-password-1' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].field).toBe('body.token');

    // Only the hash is stored: the token itself is nowhere in the database.
    const stored = await h.t.ctx.db.select().from(passwordTokens);
    expect(stored.some((t) => t.tokenHash === token)).toBe(false);
    expect(stored.every((t) => /^[0-9a-f]{64}$/.test(t.tokenHash))).toBe(true);
    const ttlHours = (stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()) / 3_600_000;
    expect(Math.round(ttlHours)).toBe(72);

    await h.t.ctx.db.update(passwordTokens).set({ expiresAt: sql`now() - interval '1 second'` });
    const expired = await setPassword({ token, password: 'valid-password-1' });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.details.reason).toBe('expired');

    // Before a password is set, login fails like a wrong password.
    const login = await h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/login',
      payload: { email: merchant.email, password: 'valid-password-1' },
    });
    expect(login.statusCode).toBe(401);
  });
});
