import type { Db } from '../../platform/database/index.js';
import type { Authenticator } from '../../platform/http/guards.js';

/** What the catalog's routes need from the composition root (structural: AppContext fits). */
export interface CatalogDeps {
  db: Db;
  sessions: Authenticator;
  /** This instance's storefront caches: dropped right after a change commits. */
  storefront: { invalidateTenant(tenantId: string): void };
}

/** What a catalog use-case needs: the database and the tenant it works for. */
export interface TenantScope {
  db: Db;
  tenantId: string;
}
