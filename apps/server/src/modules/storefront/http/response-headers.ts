/**
 * Headers of storefront responses. Built once per app; a cached page carries its complete
 * header object so serving it allocates nothing.
 */
import type { Config } from '../../../platform/config.js';
import { SYSTEM_STYLE_HASH } from './system-pages.js';

export const CACHE_CONTROL = {
  /** Pages: always revalidate (cheap 304), so a publish is visible on the next navigation. */
  page: 'public, max-age=0, must-revalidate',
  /** URLs that carry a content hash never change. */
  immutable: 'public, max-age=31536000, immutable',
  none: 'no-store',
  preview: 'private, no-store',
};

function contentSecurityPolicy(config: Config, styleSrc: string, scriptSrc: string) {
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
    `script-src ${scriptSrc}`,
    "connect-src 'self'",
  ].join('; ');
}

export interface StorefrontHeaders {
  /** For theme-rendered responses on a store's own host. */
  theme: Record<string, string>;
  /**
   * For theme-rendered responses on the path fallback `/store/<slug>/…`, where every store
   * shares the API's origin: scripts only from this store's own path, so a page can never
   * load another store's theme scripts onto the platform origin.
   */
  themeAtPath(slug: string): Record<string, string>;
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
  const atPath = new Map<string, Record<string, string>>();
  return {
    theme: {
      ...common,
      'content-security-policy': contentSecurityPolicy(config, "'self'", "'self'"),
    },
    themeAtPath(slug) {
      let headers = atPath.get(slug);
      if (!headers) {
        const scripts = `${config.http.publicUrl}/store/${encodeURIComponent(slug)}/`;
        headers = {
          ...common,
          'content-security-policy': contentSecurityPolicy(config, "'self'", scripts),
        };
        if (atPath.size >= 10_000) atPath.delete(atPath.keys().next().value!);
        atPath.set(slug, headers);
      }
      return headers;
    },
    system: {
      ...common,
      // The platform's own pages run no script at all.
      'content-security-policy': contentSecurityPolicy(config, SYSTEM_STYLE_HASH, "'none'"),
      'content-type': 'text/html; charset=utf-8',
      'cache-control': CACHE_CONTROL.none,
      'x-robots-tag': 'noindex',
    },
  };
}
