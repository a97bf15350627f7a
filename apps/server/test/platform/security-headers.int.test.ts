import { describe, expect, it } from 'vitest';
import { bearer, setupTestApp } from '../helpers.js';

describe('security headers of the API', () => {
  const t = setupTestApp();

  it('authenticated answers are nosniff and never stored by a cache', async () => {
    for (const url of ['/api/admin/merchants', '/api/provisioning/plans']) {
      const res = await t.app.inject({ url, headers: bearer(await t.adminToken()) });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('errors too', async () => {
    const res = await t.app.inject({ url: '/api/admin/merchants' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the API docs page sends a Content-Security-Policy without inline-script allowance', async () => {
    const res = await t.app.inject({ url: '/docs' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/'unsafe-inline'[^;]*;?\s*$|script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});
