/** What the merchant dashboard module needs from the composition root (AppContext satisfies it). */
import type { Db } from '../../platform/database/index.js';
import type { Authenticator } from '../../platform/http/guards.js';
import type { RealtimeHub } from '../realtime/index.js';

export interface DashboardDeps {
  db: Db;
  sessions: Authenticator;
  /** Settings saves answer once this instance has followed their event (its storefront too). */
  realtime: Pick<RealtimeHub, 'caughtUp'>;
}
