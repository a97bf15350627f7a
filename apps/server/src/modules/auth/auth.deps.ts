/**
 * What the auth module needs from the composition root (AppContext satisfies it). Use-cases
 * take the part they use (`Pick<AuthDeps, …>`), so tests and other modules pass only that.
 */
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/index.js';
import type { RateLimiter } from '../../platform/rate-limiter.js';
import type { SessionService } from '../sessions/index.js';

export interface AuthDeps {
  db: Db;
  config: Pick<Config, 'platform'>;
  /** `links` derives the one-time tokens of emailed links (ADR 024). */
  secrets: { links: string };
  sessions: SessionService;
  /** Failed sign-ins per address and client. */
  loginLimiter: RateLimiter;
  /** Failed sign-ins per client across accounts (password spraying). */
  loginClientLimiter: RateLimiter;
}
