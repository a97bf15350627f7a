import { describe, expect, it } from 'vitest';
import { TEST_ADMIN, bearer, setupTestApp } from '../../../test/helpers.js';

describe('admin login', () => {
  const t = setupTestApp();

  it('returns a token and the admin profile for valid credentials', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/admin/login',
      payload: TEST_ADMIN,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.admin).toMatchObject({ email: TEST_ADMIN.email, role: 'super_admin' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/admin/merchants',
      headers: bearer(body.token),
    });
    expect(me.statusCode).toBe(200);
  });

  it('answers 401 with the same message for a wrong password and an unknown email', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/admin/login',
      payload: { email: TEST_ADMIN.email, password: 'nope-nope-nope' },
      remoteAddress: '10.0.0.1',
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/admin/login',
      payload: { email: 'ghost@orbit360.test', password: 'nope-nope-nope' },
      remoteAddress: '10.0.0.1',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('rate-limits repeated failures with 429 and Retry-After', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/admin/login',
        payload: { email: TEST_ADMIN.email, password: 'guessing-1234' },
        remoteAddress: '10.0.0.2',
      });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await attempt()).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // A different client address is not blocked by someone else's failures.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/admin/login',
      payload: TEST_ADMIN,
      remoteAddress: '10.0.0.3',
    });
    expect(other.statusCode).toBe(200);
  });

  it('rejects missing, forged and expired tokens with 401', async () => {
    const url = '/api/admin/merchants';
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    expect((await t.app.inject({ url, headers: bearer('not-a-jwt') })).statusCode).toBe(401);
    const token = await t.adminToken();
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await t.app.inject({ url, headers: bearer(forged) })).statusCode).toBe(401);
    const { SignJWT } = await import('jose');
    const expired = await new SignJWT({ role: 'super_admin', email: 'x@y.z' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-4000-8000-000000000000')
      .setIssuer('orbit360')
      .setAudience('orbit360:admin')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(t.ctx.config.auth.jwtSecret!));
    const res = await t.app.inject({ url, headers: bearer(expired) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a token signed with alg "none"', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'x',
        role: 'super_admin',
        iss: 'orbit360',
        aud: 'orbit360:admin',
        exp: 9999999999,
      }),
    ).toString('base64url');
    const res = await t.app.inject({
      url: '/api/admin/merchants',
      headers: bearer(`${header}.${payload}.`),
    });
    expect(res.statusCode).toBe(401);
  });

  it('validates the login body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/admin/login',
      payload: { email: 'x' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });
});
