/**
 * What the composition root (app.ts / main.ts) hands to modules: infrastructure plus the few
 * long-lived services. Modules receive it explicitly; nothing reads globals.
 */
import type pg from 'pg';
import { deriveKey } from './platform/secrets.js';
import type { Config } from './platform/config.js';
import type { Database, Db } from './platform/database/index.js';
import type { Logger } from './platform/logger.js';
import { createRateLimiter, type RateLimiter } from './platform/rate-limiter.js';
import { createRealtimeHub, type RealtimeHub } from './modules/realtime/index.js';
import {
  createSessionService,
  createTokenService,
  type SessionService,
} from './modules/sessions/index.js';
import {
  createRenderPool,
  createStorefrontCache,
  type StorefrontCache,
  type ThemeRenderer,
} from './modules/storefront/index.js';

export interface AppContext {
  config: Config;
  db: Db;
  pool: pg.Pool;
  logger: Logger;
  /** Sign-ins: start a session (token), check one on every request. */
  sessions: SessionService;
  /** Failed sign-ins per address and client: 5 per 15 minutes. */
  loginLimiter: RateLimiter;
  /** Failed sign-ins per client across accounts (password spraying): 20 per 15 minutes. */
  loginClientLimiter: RateLimiter;
  /** Storefront newsletter sign-ups per client: 10 per 10 minutes, across stores. */
  newsletterLimiter: RateLimiter;
  /** Public merchant applications per client: 5 per 10 minutes (config.limits.signup). */
  signupLimiter: RateLimiter;
  /** Public merchant applications of every client together: 60 per minute (a distributed burst). */
  signupGlobalLimiter: RateLimiter;
  /** Realtime gateway of this instance: WebSocket rooms fed by the event log. */
  realtime: RealtimeHub;
  /** This instance's storefront caches (stores, rendered pages, compiled themes). */
  storefront: StorefrontCache;
  /** This instance's storefront render workers (ADR 012); `close()` when the instance stops. */
  renderer: ThemeRenderer;
  /**
   * Secrets resolved at boot (never stored in the database). `preview` signs storefront
   * preview links; `links` derives the one-time tokens of emailed links (ADR 024).
   */
  secrets: { preview: string; links: string };
}

/**
 * Wires the services of one instance. The realtime hub is created but not started: callers
 * `await ctx.realtime.start()` when they want the live stream (main and most tests do).
 */
export function createAppContext(options: {
  config: Config;
  database: Database;
  logger: Logger;
  jwtSecret: string;
}): AppContext {
  const { config, database, logger, jwtSecret } = options;
  const ctx: AppContext = {
    config,
    db: database.db,
    pool: database.pool,
    logger,
    sessions: createSessionService({
      db: database.db,
      tokens: createTokenService({
        secret: jwtSecret,
        adminTtlMs: config.auth.adminSessionTtlMs,
        merchantTtlMs: config.auth.merchantSessionTtlMs,
      }),
      isStreamLive: () => ctx.realtime.stats().listening,
    }),
    loginLimiter: createRateLimiter({
      db: database.db,
      name: 'login',
      maxEvents: 5,
      windowMs: 15 * 60_000,
    }),
    loginClientLimiter: createRateLimiter({
      db: database.db,
      name: 'login-client',
      maxEvents: 20,
      windowMs: 15 * 60_000,
    }),
    newsletterLimiter: createRateLimiter({
      db: database.db,
      name: 'newsletter',
      maxEvents: 10,
      windowMs: 10 * 60_000,
    }),
    signupLimiter: createRateLimiter({
      db: database.db,
      name: 'signup',
      maxEvents: config.limits.signup.perClient,
      windowMs: config.limits.signup.windowMs,
    }),
    signupGlobalLimiter: createRateLimiter({
      db: database.db,
      name: 'signup-all',
      maxEvents: config.limits.signup.globalPerMinute,
      windowMs: 60_000,
    }),
    realtime: createRealtimeHub({
      databaseUrl: database.url,
      pool: database.pool,
      logger,
      config: config.realtime,
    }),
    storefront: createStorefrontCache(),
    renderer: createRenderPool(config.storefront.render),
    secrets: { preview: jwtSecret, links: deriveKey(jwtSecret, 'one-time links') },
  };
  // The storefront follows the stream itself: it decides which events invalidate what.
  ctx.storefront.followEvents(ctx.realtime);
  // An ended session is refused and its sockets closed on every instance.
  ctx.realtime.subscribe((event) => {
    if (event.type !== 'session.ended') return;
    ctx.sessions.forget(event.data.sessionIds);
    void ctx.realtime.closeSessions(event.data.sessionIds);
  });
  return ctx;
}
