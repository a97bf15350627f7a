import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { bearer } from '../../../test/helpers.js';
import { auditLog } from '../audit/index.js';
import { emails } from '../email/index.js';
import { setupProvisioningTest, tokenFrom } from '../../../test/support/provisioning-harness.js';
import { oneTimeToken } from './index.js';

/**
 * Issue 14 item 7 and issue 13 item 2: a welcome email the mail server rejects for good (550)
 * shows as failed, and an admin (not a viewer) sends a new set-password link — audited, the
 * old link dies, the admin never sees the new one.
 */
describe('send a new set-password link', () => {
  const h = setupProvisioningTest({ smtp: true, env: { MAIL_RETRY_BASE_MS: '20' } });
  const setPassword = (token: string) =>
    h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/set-password',
      payload: { token, password: 'a-fresh-passphrase-77' },
    });
  const sendLink = async (merchantId: string, role?: 'viewer') =>
    h.t.app.inject({
      method: 'POST',
      url: `/api/admin/merchants/${merchantId}/send-password-link`,
      headers: bearer(await h.t.adminToken(role)),
    });

  it('a 550-rejected welcome email is failed in the log; the admin resends a working link', async () => {
    h.smtp!.rejectCode = 550;
    const merchant = await h.signup('Bounced Boutique');
    await h.activate(merchant.id);
    await h.waitFor(merchant.id, (s) => s.status === 'completed');
    const viewer = bearer(await h.t.adminToken('viewer'));
    const failed = await vi.waitFor(
      async () => {
        const log = await h.t.app.inject({
          url: `/api/admin/emails?to=${merchant.email}`,
          headers: viewer,
        });
        const item = log.json().items[0];
        expect(item.status).toBe('failed');
        return item;
      },
      { timeout: 10_000, interval: 20 },
    );
    expect(failed).toMatchObject({ kind: 'welcome', attempts: 1 });
    expect(failed.lastError).toBe('Rejected by the mail server (SMTP 550)');
    expect(h.smtp!.received).toHaveLength(0);
    const [welcomeRow] = await h.t.ctx.db
      .select()
      .from(emails)
      .where(eq(emails.to, merchant.email));
    const oldToken = oneTimeToken(h.t.ctx.secrets.links, welcomeRow!.tokenRef!);

    // A viewer may not; an admin may. The answer never carries the link.
    expect((await sendLink(merchant.id, 'viewer')).statusCode).toBe(403);
    h.smtp!.rejectCode = undefined;
    const sent = await sendLink(merchant.id);
    expect(sent.statusCode).toBe(202);
    expect(sent.body).not.toMatch(/token/i);
    const [email] = await h.smtp!.waitFor(1);
    expect(email!.to).toEqual([merchant.email]);
    expect(email!.subject).toBe('Your link to sign in to Bounced Boutique');
    const newToken = tokenFrom(email!.text)!;
    expect(email!.html).toContain(`token=${newToken}`);

    expect((await setPassword(oldToken)).json().error.details.reason).toBe('expired');
    expect((await setPassword(newToken)).statusCode).toBe(200);
    expect((await setPassword(newToken)).json().error.details.reason).toBe('used');

    const audit = await h.t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'merchant.password_link_sent'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'admin', targetId: merchant.id });
    expect(audit[0]!.data).toMatchObject({ emailId: sent.json().emailId });
  });

  it('is a 404 for an unknown merchant and a 409 for one without an account yet', async () => {
    expect((await sendLink('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await sendLink('not-a-uuid')).statusCode).toBe(404);
    const pending = await h.signup('Not Yet Live');
    const res = await sendLink(pending.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
  });
});
