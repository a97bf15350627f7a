import type { Db } from '../../platform/database/index.js';
import type { Authenticator } from '../../platform/http/guards.js';
import type { AuditEntry } from '../audit/index.js';
import type { RealtimeHub } from '../realtime/index.js';

/** What the catalog's routes need from the composition root (structural: AppContext fits). */
export interface CatalogDeps {
  db: Db;
  sessions: Authenticator;
  /** Writes answer once this instance has followed their event (its storefront caches too). */
  realtime: Pick<RealtimeHub, 'caughtUp'>;
}

/** What a catalog use-case needs: the database and the tenant it works for. */
export interface TenantScope {
  db: Db;
  tenantId: string;
}

/** A catalog write: the tenant and who makes it (audited with the change's event). */
export interface TenantWrite extends TenantScope {
  actor: AuditEntry['actor'];
}
