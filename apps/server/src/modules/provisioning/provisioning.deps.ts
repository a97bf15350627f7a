/**
 * What the provisioning module needs from the composition root (AppContext satisfies it): the
 * routes use `db` and `sessions`, the runner and its steps the rest.
 */
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/index.js';
import type { Authenticator } from '../../platform/http/guards.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimeHub } from '../realtime/index.js';
import type { StorefrontInvalidation } from '../storefront/index.js';

export interface ProvisioningDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** `preview` signs the website self-check's preview link; `links` the welcome email's. */
  secrets: { preview: string; links: string };
  sessions: Authenticator;
  /** This instance's storefront caches, cleared right after a site is published. */
  storefront: StorefrontInvalidation;
  /** The runner lets this instance follow the events of steps that change a storefront. */
  realtime: Pick<RealtimeHub, 'caughtUp'>;
}
