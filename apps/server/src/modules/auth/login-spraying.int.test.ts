import { describe, expect, it } from 'vitest';
import { TEST_ADMIN, setupTestApp } from '../../../test/helpers.js';
import { buildOtherInstance } from '../../../test/support/other-instance.js';

/**
 * Password spraying: one client trying a password on many accounts. Each account sees one
 * failure (under its own limit), but the client is stopped after 20 failures — counted on
 * both sign-in forms and on every instance (two apps share the database here).
 */
describe('per-client sign-in failure limit', () => {
  const t = setupTestApp();

  it('stops a client spraying one password over many accounts, on every instance', async () => {
    const { app: other } = await buildOtherInstance(t);
    const attempt = (i: number, remoteAddress = '10.9.9.9', email = `victim${i}@spray.test`) =>
      [t.app, other][i % 2]!.inject({
        method: 'POST',
        url: `/api/auth/${i % 3 === 0 ? 'admin' : 'merchant'}/login`,
        payload: { email, password: 'password123456' },
        remoteAddress,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses).toEqual(Array(20).fill(401));

    const limited = await attempt(20);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // Even the right password waits: the client, not the account, is blocked.
    const right = await attempt(3, '10.9.9.9', TEST_ADMIN.email);
    expect(right.statusCode).toBe(429);

    // Another client is not affected.
    const bystander = await t.app.inject({
      method: 'POST',
      url: '/api/auth/admin/login',
      payload: TEST_ADMIN,
      remoteAddress: '10.9.9.10',
    });
    expect(bystander.statusCode).toBe(200);
    await other.close();
  });
});
