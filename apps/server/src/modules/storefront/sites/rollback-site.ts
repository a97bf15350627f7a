import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/database/index.js';
import { isUuid, withTenant } from '../../../platform/database/index.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { publishEvent } from '../../realtime/index.js';
import { setTenantThemes } from '../../tenants/index.js';
import { leaveTenantScope } from '../../../platform/database/index.js';
import { lockSite, type PublishedVersion } from './publish-site.js';
import type { StorefrontInvalidation } from '../follow-events.js';
import { siteVersions, sites, type SiteActor } from '../storefront.table.js';

/**
 * Makes an earlier version of the tenant's site live again (one statement, atomic). The
 * version must belong to the tenant — RLS makes any other tenant's version invisible (404).
 */
export async function rollbackSite(options: {
  db: Db;
  tenantId: string;
  versionId: string;
  actor: SiteActor;
  /** This instance's caches, invalidated after commit (other instances follow the stream). */
  storefront?: StorefrontInvalidation;
}): Promise<PublishedVersion> {
  const { db, tenantId, versionId, actor } = options;
  if (!isUuid(tenantId)) throw AppError.notFound('Store');
  if (!isUuid(versionId)) throw AppError.notFound('Site version');
  const result = await withTenant(db, tenantId, async (tx) => {
    const [version] = await tx.select().from(siteVersions).where(eq(siteVersions.id, versionId));
    if (!version) throw AppError.notFound('Site version');
    const site = await lockSite(tx, tenantId);
    if (site.liveVersionId === versionId)
      return { versionId, version: version.version, changed: false };
    const now = new Date();
    await tx
      .update(sites)
      .set({ liveVersionId: versionId, publishedAt: now, updatedAt: now })
      .where(eq(sites.tenantId, tenantId));
    await leaveTenantScope(tx);
    await setTenantThemes(tx, [{ tenantId, themeId: version.themeId }]);
    await recordAudit(tx, {
      actor,
      action: 'site.rolled_back',
      target: { type: 'site_version', id: versionId },
      tenantId,
      data: { version: version.version, from: site.liveVersionId },
    });
    await publishEvent(tx, 'site.published', { versionId, version: version.version }, { tenantId });
    return { versionId, version: version.version, changed: true };
  });
  if (result.changed) options.storefront?.invalidateTenant(tenantId);
  return { versionId: result.versionId, version: result.version };
}
