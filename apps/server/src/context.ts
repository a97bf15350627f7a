/**
 * What the composition root (app.ts / main.ts) hands to modules: infrastructure plus the few
 * long-lived services. Modules receive it explicitly; nothing reads globals.
 */
import type pg from 'pg';
import type { Config } from './platform/config.js';
import type { Db } from './platform/database/index.js';
import type { Logger } from './platform/logger.js';
import type { TokenService } from './modules/auth/tokens.js';
import type { LoginRateLimiter } from './modules/auth/login-rate-limiter.js';
import type { RealtimeHub } from './modules/realtime/index.js';
import type { StorefrontCache } from './modules/storefront/index.js';

export interface AppContext {
  config: Config;
  db: Db;
  pool: pg.Pool;
  logger: Logger;
  tokens: TokenService;
  loginLimiter: LoginRateLimiter;
  /** Realtime gateway of this instance: WebSocket rooms fed by the event log. */
  realtime: RealtimeHub;
  /** This instance's storefront caches (stores, rendered pages, compiled themes). */
  storefront: StorefrontCache;
  /** Secrets resolved at boot. `preview` signs storefront preview links. */
  secrets: { preview: string };
}
