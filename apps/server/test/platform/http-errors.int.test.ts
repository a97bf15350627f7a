import { describe, expect, it } from 'vitest';
import { bearer, merchantToken, setupTestApp } from '../helpers.js';

describe('one error shape, never a 5xx', () => {
  const t = setupTestApp();

  const expectError = (
    res: { statusCode: number; json(): unknown },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({
      error: expect.objectContaining({ code, message: expect.any(String) }),
    });
  };

  it('protected routes answer an anonymous caller 401 before looking at the body', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    for (const [method, url] of [
      ['POST', '/api/provisioning/themes'],
      ['POST', `/api/admin/merchants/${id}/suspend`],
      ['POST', `/api/provisioning/merchants/${id}/activate`],
      ['PUT', '/api/merchant/store'],
      ['PUT', '/api/merchant/site/draft'],
    ] as const) {
      for (const payload of ['{"broken": ', JSON.stringify({ unexpected: ['x'.repeat(50)] })]) {
        const res = await t.app.inject({
          method,
          url,
          headers: { 'content-type': 'application/json' },
          payload,
        });
        expect(`${method} ${url} ${res.statusCode}`).toBe(`${method} ${url} 401`);
        expectError(res, 401, 'UNAUTHENTICATED');
      }
    }
  });

  it('malformed JSON → 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/merchants/signup',
      headers: { 'content-type': 'application/json' },
      payload: '{"storeName": ',
    });
    expectError(res, 400, 'BAD_REQUEST');
  });

  it('empty JSON body → 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/merchants/signup',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
  });

  it('body over the limit → 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/merchants/signup',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ storeName: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('unsupported content type → 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/merchants/signup',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a URL that does not decode → 400 in the error shape', async () => {
    for (const url of ['/api/%zz', '/store/%zz/page', '/api/admin/merchants/%E0%A4%A']) {
      expectError(await t.app.inject({ url }), 400, 'BAD_REQUEST');
    }
  });

  it('a malformed CORS preflight → 400 in the error shape', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/admin/merchants',
      headers: { origin: t.ctx.config.platform.adminUrl },
    });
    expectError(res, 400, 'BAD_REQUEST');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('unknown route → 404 in the error shape', async () => {
    expectError(await t.app.inject({ url: '/api/nope' }), 404, 'NOT_FOUND');
  });

  it('a merchant-audience token cannot use admin endpoints', async () => {
    const token = await merchantToken(t.ctx, {
      id: '00000000-0000-4000-8000-000000000001',
      merchantId: '00000000-0000-4000-8000-000000000002',
      tenantId: '00000000-0000-4000-8000-000000000003',
    });
    expectError(
      await t.app.inject({ url: '/api/admin/merchants', headers: bearer(token) }),
      403,
      'FORBIDDEN',
    );
  });

  it('hostile bodies and parameters never produce a 5xx', async () => {
    const token = await t.adminToken();
    const bodies: unknown[] = [
      null,
      [],
      'string',
      42,
      { storeName: { $gt: '' } },
      { storeName: 'a', ownerName: 'b', email: 'c@d.ef', phone: '\u0000' },
      { key: 'x'.repeat(10_000) },
      { __proto__: { admin: true } },
      { configSchema: { colors: { a: { type: 'color' } } } },
    ];
    const targets = [
      ['POST', '/api/merchants/signup'],
      ['POST', '/api/auth/admin/login'],
      ['POST', '/api/provisioning/themes'],
      ['POST', '/api/provisioning/plans'],
      ['PUT', '/api/provisioning/plans/00000000-0000-4000-8000-000000000000'],
    ] as const;
    for (const [method, url] of targets) {
      for (const body of bodies) {
        const res = await t.app.inject({
          method,
          url,
          headers: { ...bearer(token), 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(
          400,
        );
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    }
    for (const url of [
      '/api/admin/merchants?page=%00',
      '/api/admin/merchants?q=%F0%28',
      '/api/admin/merchants/%E0%A4%A',
    ]) {
      const res = await t.app.inject({ url, headers: bearer(token) });
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/admin/login',
        '/api/merchants/signup',
        '/api/admin/merchants',
        '/api/provisioning/themes',
        '/api/provisioning/plans/{id}',
      ]),
    );
    expect(doc.paths['/api/merchants/signup'].post.requestBody).toBeDefined();
    expect((await t.app.inject({ url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('healthz answers ok while the database answers', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
