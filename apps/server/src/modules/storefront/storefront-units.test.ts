import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers.js';
import {
  createStorefrontUrlRewriter,
  isStoreHostRequest,
  storeLabelOf,
} from './http/host-routing.js';
import { createPreviewToken, verifyPreviewToken } from './sites/preview-token.js';
import { parseStorePath, routeKey } from './http/store-paths.js';
import { excerpt, formatMoney, textToHtml } from './render/text-format.js';
import { cssVariables, fontStack } from './render/theme-css.js';
import { websiteUrlFor } from './http/website-url.js';

describe('host routing', () => {
  it('extracts the store label, ignoring case and ports', () => {
    expect(storeLabelOf('shop.localhost:5000', 'localhost')).toBe('shop');
    expect(storeLabelOf('SHOP.LOCALHOST', 'localhost')).toBe('shop');
    expect(storeLabelOf('shop.localhost.:80', 'localhost')).toBe('shop');
    expect(storeLabelOf('localhost:5000', 'localhost')).toBeUndefined();
    expect(storeLabelOf('127.0.0.1:5000', 'localhost')).toBeUndefined();
    expect(storeLabelOf('[::1]:5000', 'localhost')).toBeUndefined();
    expect(storeLabelOf('evil-localhost', 'localhost')).toBeUndefined();
    expect(storeLabelOf(undefined, 'localhost')).toBeUndefined();
    expect(storeLabelOf('a.b.localhost', 'localhost')).toBe('_');
    expect(storeLabelOf('%2e%2e.localhost', 'localhost')).toBe('_');
  });

  it('rewrites store hosts onto /store/<slug> and marks the request', () => {
    const rewrite = createStorefrontUrlRewriter(
      testConfig({ PLATFORM_DOMAIN: 'Shops.Example.com:8443' }),
    );
    const request = (host: string, url: string) => ({ headers: { host }, url }) as IncomingMessage;
    const store = request('tea.shops.example.com', '/products/x?page=2');
    expect(rewrite(store)).toBe('/store/tea/products/x?page=2');
    expect(isStoreHostRequest(store)).toBe(true);
    const platform = request('shops.example.com:8443', '/api/x');
    expect(rewrite(platform)).toBe('/api/x');
    expect(isStoreHostRequest(platform)).toBe(false);
    expect(rewrite(request('tea.shops.example.com', '/store/other/'))).toBe(
      '/store/tea/store/other/',
    );
  });

  it('builds website URLs', () => {
    expect(websiteUrlFor(testConfig(), 'tea')).toBe('http://tea.localhost:5000/');
  });
});

describe('store paths', () => {
  it('maps paths to routes and ignores unused query parameters in keys', () => {
    expect(parseStorePath('/', {})).toEqual({ type: 'index' });
    expect(parseStorePath('/collections/all/', { page: '2' })).toEqual({
      type: 'collection',
      handle: 'all',
      page: 2,
    });
    expect(parseStorePath('/collections/all', { page: '-1' })).toMatchObject({ page: 1 });
    expect(parseStorePath('/collections/all', { page: '99999999' })).toMatchObject({ page: 1 });
    expect(parseStorePath('/products/mug', { utm_source: 'x' })).toEqual({
      type: 'product',
      handle: 'mug',
    });
    expect(parseStorePath('/products', {})).toEqual({ type: 'redirect', to: '/collections/all' });
    expect(parseStorePath('/assets/placeholder/mug-24.svg', {})).toEqual({
      type: 'placeholder',
      kind: 'mug',
      hue: 24,
    });
    expect(parseStorePath('/assets/../../etc/passwd', {}).type).toBe('not-found');
    expect(parseStorePath('/products/a/b', {}).type).toBe('not-found');
    expect(routeKey(parseStorePath('/nope', {}))).toBe(routeKey(parseStorePath('/other', {})));
  });
});

describe('preview tokens', () => {
  const secret = 'x'.repeat(40);
  const tenantId = '11111111-1111-4111-8111-111111111111';

  it('round-trips and rejects tampering, other secrets and expiry', () => {
    const token = createPreviewToken({ secret, tenantId, versionId: tenantId });
    expect(verifyPreviewToken(secret, token)).toMatchObject({ tenantId, versionId: tenantId });
    expect(verifyPreviewToken('y'.repeat(40), token)).toBeUndefined();
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ t: tenantId, e: 9e9 })).toString('base64url');
    expect(verifyPreviewToken(secret, `${forged}.${signature}`)).toBeUndefined();
    expect(verifyPreviewToken(secret, `${payload}.${signature}.x`)).toBeUndefined();
    expect(verifyPreviewToken(secret, ['array'])).toBeUndefined();
    const expired = createPreviewToken({ secret, tenantId, ttlSeconds: -10 });
    expect(verifyPreviewToken(secret, expired)).toMatchObject({ tenantId }); // clamped to ≥ 1 s
  });
});

describe('formatting', () => {
  it('turns text into escaped paragraphs', () => {
    expect(textToHtml('a <b>\nline\n\n\nsecond')).toBe('<p>a &lt;b&gt;<br>line</p>\n<p>second</p>');
    expect(excerpt('word '.repeat(100), 40).length).toBeLessThanOrEqual(41);
  });

  it('formats money per currency and locale', () => {
    expect(formatMoney(2400, 'USD', 'en-US')).toBe('$24.00');
    expect(formatMoney(2400, 'EUR', 'de-DE')).toBe('24,00\u00a0€');
    expect(formatMoney(2400, 'NOPE', 'xx')).toBe('$24.00');
  });

  it('writes settings as CSS variables, sanitising font names', () => {
    expect(fontStack('Evil"; } body { x')).toBe('"Evil  body  x", system-ui, sans-serif');
    const css = cssVariables(
      {
        colors: { primary: { type: 'color', label: 'P', default: '#000000' } },
        fonts: { heading: { type: 'font', label: 'H', options: ['Lora'], default: 'Lora' } },
        layout: { columns: { type: 'number', label: 'C', min: 1, max: 5, default: 3 } },
        features: {},
      },
      {
        colors: { primary: '#ffffff' },
        fonts: { heading: 'Lora' },
        layout: { columns: 4 },
        features: {},
      },
    );
    expect(css).toContain('--color-primary: #ffffff;');
    expect(css).toContain('--color-primary-contrast: #111111;');
    expect(css).toContain('--font-heading: Lora,');
    expect(css).toContain('--layout-columns: 4;');
  });
});
