import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN, bearer, setupTestApp } from '../helpers.js';

describe('structured logs', () => {
  const stream = new PassThrough();
  let output = '';
  stream.on('data', (chunk) => (output += chunk.toString()));
  const t = setupTestApp({}, { logStream: stream });

  it('never contain passwords, tokens or Authorization headers', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/admin/login',
      payload: TEST_ADMIN,
    });
    const token = login.json().token as string;
    await t.app.inject({
      url: '/api/admin/merchants?token=secret-in-query',
      headers: bearer(token),
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/admin/login',
      payload: { email: TEST_ADMIN.email, password: 'wrong-password-xyz' },
    });
    await new Promise((r) => setImmediate(r));

    expect(output).toContain('"url":"/api/admin/merchants"');
    for (const secret of [
      TEST_ADMIN.password,
      'wrong-password-xyz',
      token,
      'secret-in-query',
      'Bearer',
    ]) {
      expect(output).not.toContain(secret);
    }
    for (const line of output.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
