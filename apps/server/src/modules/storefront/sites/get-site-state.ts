import { desc, eq, inArray } from 'drizzle-orm';
import type { SiteState, SiteVersion } from '@orbit360/contracts';
import type { Config } from '../../../platform/config.js';
import { withTenant, type Db } from '../../../platform/database/index.js';
import { AppError } from '../../../platform/errors.js';
import { tenants } from '../../tenants/index.js';
import { themes } from '../../themes/index.js';
import { siteVersions, sites } from '../storefront.table.js';
import { websiteUrlFor } from '../http/website-url.js';

const HISTORY_LIMIT = 50;

/** A tenant's website: address, live version, draft and the latest versions (newest first). */
export async function getSiteState(options: {
  db: Db;
  config: Config;
  tenantId: string;
}): Promise<SiteState> {
  const { db, tenantId } = options;
  const [tenant] = await db
    .select({ slug: tenants.slug })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) throw AppError.notFound('Store');
  const { site, versions } = await withTenant(db, tenantId, async (tx) => ({
    site: (await tx.select().from(sites))[0],
    versions: await tx
      .select()
      .from(siteVersions)
      .orderBy(desc(siteVersions.version))
      .limit(HISTORY_LIMIT),
  }));
  const themeIds = [...new Set(versions.map((v) => v.themeId))];
  const names = new Map(
    themeIds.length
      ? (
          await db
            .select({ id: themes.id, name: themes.name })
            .from(themes)
            .where(inArray(themes.id, themeIds))
        ).map((t) => [t.id, t.name])
      : [],
  );
  const dto = (v: (typeof versions)[number]): SiteVersion => ({
    id: v.id,
    version: v.version,
    themeId: v.themeId,
    themeName: names.get(v.themeId) ?? '',
    settings: v.settings,
    isLive: v.id === site?.liveVersionId,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
  });
  const items = versions.map(dto);
  return {
    tenantId,
    websiteUrl: tenant.slug ? websiteUrlFor(options.config, tenant.slug) : '',
    liveVersion: items.find((v) => v.isLive) ?? null,
    draft:
      site?.draftThemeId && site.draftUpdatedAt
        ? {
            themeId: site.draftThemeId,
            settings: site.draftSettings ?? {},
            updatedAt: site.draftUpdatedAt.toISOString(),
          }
        : null,
    versions: items,
  };
}
