import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { setupProvisioningTest, tokenFrom } from '../../../test/support/provisioning-harness.js';
import {
  admins,
  createAdmin,
  ensureBootstrapAdmin,
  merchantAccounts,
  verifyPassword,
} from './index.js';
import { passwordWeakness } from './passwords.js';

const STRONG = 'glacier-mango-trombone-58';

describe('guessable passwords are refused wherever a password is chosen', () => {
  const h = setupProvisioningTest({ smtp: true });

  const setPassword = (token: string, password: string) =>
    h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/set-password',
      payload: { token, password },
    });
  const expectRefused = (
    res: Awaited<ReturnType<typeof setPassword>>,
    advice: RegExp = /commonly used password/i,
  ) => {
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^Password is too easy to guess: /);
    expect(error.message).toMatch(advice);
    expect(error.details.fields).toEqual([
      { field: 'body.password', message: expect.stringMatching(advice) },
    ]);
  };

  it('set-password (welcome link) refuses common passwords and the store’s own words', async () => {
    const merchant = await h.signup('Juniper Sage');
    await h.activate(merchant.id);
    await h.waitFor(merchant.id, (s) => s.status === 'completed');
    const [welcome] = await h.smtp!.waitFor(1);
    const token = tokenFrom(welcome!.text)!;

    for (const common of ['password12', 'qwerty123456', 'orbit360orbit360']) {
      expectRefused(await setPassword(token, common), /./);
    }
    expectRefused(await setPassword(token, 'password12'));
    expectRefused(await setPassword(token, 'JuniperSage2024'), /personal/i);
    expectRefused(await setPassword(token, merchant.email), /personal|common|guess/i);

    // Refusals do not spend the link; a strong password is taken.
    const ok = await setPassword(token, STRONG);
    expect(ok.statusCode).toBe(200);
    const [account] = await h.t.ctx.db
      .select()
      .from(merchantAccounts)
      .where(eq(merchantAccounts.email, merchant.email));
    expect(await verifyPassword(account!.passwordHash!, STRONG)).toBe(true);
  });

  it('the password-reset link refuses a common password and takes a strong one', async () => {
    const merchant = await h.signup('Reset Strength');
    await h.activate(merchant.id);
    await h.waitFor(merchant.id, (s) => s.status === 'completed');
    await h.smtp!.waitFor(1);
    const res = await h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/password-reset',
      payload: { email: merchant.email },
    });
    expect(res.statusCode).toBe(202);
    const reset = await vi.waitFor(
      () => {
        const mail = h.smtp!.received.find((m) => /new password/.test(m.subject));
        expect(mail).toBeDefined();
        return mail!;
      },
      { timeout: 5000, interval: 20 },
    );
    const token = tokenFrom(reset.text)!;

    expectRefused(await setPassword(token, 'qwerty123456'));
    expect((await setPassword(token, STRONG)).statusCode).toBe(200);
    const login = await h.t.app.inject({
      method: 'POST',
      url: '/api/auth/merchant/login',
      payload: { email: merchant.email, password: STRONG },
    });
    expect(login.statusCode).toBe(200);
  });

  it('an unknown link is refused before the password is scored', async () => {
    const res = await setPassword('x'.repeat(43), 'password12');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.reason).toBe('invalid');
  });

  it('admin creation refuses common passwords and the admin’s own email', async () => {
    const create = (email: string, password: string) =>
      createAdmin({ db: h.t.ctx.db, email, name: 'Kate Ops', role: 'admin', password });
    for (const [email, password] of [
      ['weak1@orbit360.test', 'orbit360orbit360'],
      ['weak2@orbit360.test', 'password12'],
      ['kate2024@orbit360.test', 'kate2024@orbit360.test'],
    ] as const) {
      const error = await create(email, password).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((error as AppError).message).toMatch(/^Password is too easy to guess: \S/);
      expect(await h.t.ctx.db.select().from(admins).where(eq(admins.email, email))).toEqual([]);
    }
    const admin = await create('strong@orbit360.test', STRONG);
    expect(admin.email).toBe('strong@orbit360.test');
  });

  it('a weak ADMIN_PASSWORD stops a production start and only warns elsewhere', async () => {
    await h.t.ctx.db.delete(admins);
    const refused = await ensureBootstrapAdmin({
      db: h.t.ctx.db,
      email: 'root@orbit360.test',
      password: 'password123456',
      refuseWeakPassword: true,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems[0]).toMatch(/^ADMIN_PASSWORD: password is too easy/);
    expect(await h.t.ctx.db.select().from(admins)).toEqual([]);

    const warned = await ensureBootstrapAdmin({
      db: h.t.ctx.db,
      email: 'root@orbit360.test',
      password: 'password123456',
    });
    expect(warned.created).toBe(true);
    expect(warned.weakPassword).toMatch(/too easy to guess/);
  });

  it('scores only the first 100 characters: a 256-character password is checked quickly', () => {
    const long = `${STRONG}${'x9'.repeat(115)}`.slice(0, 256);
    const started = performance.now();
    expect(passwordWeakness(long)).toBeNull();
    expect(passwordWeakness('1q2w3e4r5t'.repeat(25))).toMatch(/too easy to guess/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
