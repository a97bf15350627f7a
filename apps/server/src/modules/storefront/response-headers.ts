/**
 * Headers of storefront responses. Built once per app; a cached page carries its complete
 * header object so serving it allocates nothing.
 */
import type { Config } from '../../platform/config.js';
import { SYSTEM_STYLE_HASH } from './system-pages.js';

export const CACHE_CONTROL = {
  /** Pages: always revalidate (cheap 304), so a publish is visible on the next navigation. */
  page: 'public, max-age=0, must-revalidate',
  /** URLs that carry a content hash never change. */
  immutable: 'public, max-age=31536000, immutable',
  none: 'no-store',
  preview: 'private, no-store',
};

function contentSecurityPolicy(config: Config, styleSrc: string) {
  // Themes may be embedded by the merchant dashboard and admin panel (live preview).
  const ancestors = [config.platform.dashboardUrl, config.platform.adminUrl].join(' ');
  return [
    "default-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors 'self' ${ancestors}`,
    "img-src 'self' https: data:",
    `style-src ${styleSrc}`,
    "font-src 'self' https: data:",
    "script-src 'self'",
    "connect-src 'self'",
  ].join('; ');
}

export interface StorefrontHeaders {
  /** For theme-rendered responses. */
  theme: Record<string, string>;
  /** For the platform's own pages (404 store, coming soon, unavailable, broken theme). */
  system: Record<string, string>;
}

export function storefrontHeaders(config: Config): StorefrontHeaders {
  const common = {
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(config.platform.protocol === 'https'
      ? { 'strict-transport-security': 'max-age=31536000' }
      : {}),
  };
  return {
    theme: { ...common, 'content-security-policy': contentSecurityPolicy(config, "'self'") },
    system: {
      ...common,
      'content-security-policy': contentSecurityPolicy(config, SYSTEM_STYLE_HASH),
      'content-type': 'text/html; charset=utf-8',
      'cache-control': CACHE_CONTROL.none,
      'x-robots-tag': 'noindex',
    },
  };
}
