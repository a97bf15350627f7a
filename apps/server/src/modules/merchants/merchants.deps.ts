/** What the merchants module needs from the composition root (AppContext satisfies it). */
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/index.js';
import type { Authenticator } from '../../platform/http/guards.js';
import type { Logger } from '../../platform/logger.js';
import type { RateLimiter } from '../../platform/rate-limiter.js';
import type { RealtimeHub } from '../realtime/index.js';

export interface MerchantsDeps {
  db: Db;
  config: Pick<Config, 'platform'>;
  logger: Logger;
  /** `links`: the admin's "send a new set-password link" (auth's sendPasswordLink). */
  secrets: { links: string };
  sessions: Authenticator;
  /** Public applications per client. */
  signupLimiter: RateLimiter;
  /** Public applications of every client together. */
  signupGlobalLimiter: RateLimiter;
  /** Status routes answer once this instance has followed their events. */
  realtime: Pick<RealtimeHub, 'caughtUp'>;
}
