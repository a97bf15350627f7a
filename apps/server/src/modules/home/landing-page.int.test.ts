import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/helpers.js';
import { createTestStore } from '../../../test/support/create-test-store.js';
import { renderLandingPage } from './landing-page.js';

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('platform landing page', () => {
  const t = setupTestApp({ ADMIN_PORT: '3001', DASHBOARD_PORT: '3003' });

  beforeAll(async () => {
    await createTestStore(t.ctx, { slug: 'lantern', storeName: 'Lantern Supply' });
  });

  it('answers / on the platform host with a page linking to every part of the platform', async () => {
    for (const host of ['localhost:5000', '127.0.0.1:5000', undefined]) {
      const res = await t.app.inject({ url: '/', headers: host ? { host } : {} });
      expect(res.statusCode, host).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(hrefs(res.body)).toEqual(
        expect.arrayContaining([
          'http://localhost:3003/apply',
          'http://localhost:3003/login',
          'http://localhost:3001',
          '/docs',
          '/healthz',
        ]),
      );
    }
    const res = await t.app.inject({ url: '/' });
    expect(res.body).not.toMatch(/<script/i);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    for (const link of ['/docs', '/healthz', '/favicon.svg']) {
      expect((await t.app.inject({ url: link })).statusCode, link).toBeLessThan(400);
    }
  });

  it('sends a CSP that allows exactly its own inline style and nothing else', async () => {
    const res = await t.app.inject({ url: '/' });
    const csp = String(res.headers['content-security-policy']);
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('leaves store hosts to their storefront', async () => {
    const res = await t.app.inject({ url: '/', headers: { host: 'lantern.localhost:5000' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Lantern Supply');
    expect(res.body).not.toContain('Your store, in orbit.');
  });

  it('escapes every configured value it shows', () => {
    const { html } = renderLandingPage({
      adminUrl: 'http://admin.test/"><script>alert(1)</script>',
      dashboardUrl: "http://dash.test/'onmouseover='x",
      platformDomain: '<b>shops</b>.test',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain("'onmouseover='");
    expect(html).not.toContain('<b>shops</b>');
    expect(html).toContain('&lt;b&gt;shops&lt;/b&gt;.test');
  });
});
