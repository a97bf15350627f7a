/** What the storefront's routes need from the composition root (AppContext satisfies it). */
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/index.js';
import type { Authenticator } from '../../platform/http/guards.js';
import type { Logger } from '../../platform/logger.js';
import type { RateLimiter } from '../../platform/rate-limiter.js';
import type { ThemeRenderer } from './render/render-pool.js';
import type { StorefrontCache } from './storefront-cache.js';

export interface StorefrontDeps {
  config: Config;
  db: Db;
  logger: Logger;
  /** Merchants' site routes (drafts, publish, rollback, preview links). */
  sessions: Authenticator;
  /** Newsletter sign-ups per client, across stores. */
  newsletterLimiter: RateLimiter;
  /** This instance's caches (stores, rendered pages, compiled themes). */
  storefront: StorefrontCache;
  /** This instance's render workers (ADR 012). */
  renderer: ThemeRenderer;
  /** `preview` signs and checks preview links. */
  secrets: { preview: string };
}
