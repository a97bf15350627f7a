/** What the merchant dashboard module needs from the composition root (AppContext satisfies it). */
import type { Db } from '../../platform/database/index.js';
import type { Authenticator } from '../../platform/http/guards.js';
import type { StorefrontInvalidation } from '../storefront/index.js';

export interface DashboardDeps {
  db: Db;
  sessions: Authenticator;
  storefront: Pick<StorefrontInvalidation, 'invalidateTenant'>;
}
