import { eq } from 'drizzle-orm';
import type { ThemeSettings } from '@orbit360/contracts';
import { withTenant, type Db } from '../../../platform/database/index.js';
import { AppError, PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../../../platform/errors.js';
import { publishEvent } from '../../realtime/index.js';
import { leaveTenantScope } from '../../../platform/database/index.js';
import { lockSite, validatedSite } from './publish-site.js';
import { siteVersions, sites } from '../storefront.table.js';

/**
 * Saves the merchant's unpublished theme choice and settings (validated like a publish). Only
 * preview links show a draft; shoppers keep seeing the live version until it is published.
 */
export async function saveSiteDraft(options: {
  db: Db;
  tenantId: string;
  themeId: string;
  settings: ThemeSettings;
}): Promise<void> {
  const { db, tenantId } = options;
  const { theme, settings } = await validatedSite(db, options.themeId, options.settings);
  if (theme.archivedAt) {
    throw AppError.validation([{ field: 'themeId', message: 'this theme is archived' }]);
  }
  try {
    await withTenant(db, tenantId, async (tx) => {
      await lockSite(tx, tenantId);
      const now = new Date();
      await tx
        .update(sites)
        .set({
          draftThemeId: theme.id,
          draftSettings: settings,
          draftUpdatedAt: now,
          updatedAt: now,
        })
        .where(eq(sites.tenantId, tenantId));
      await leaveTenantScope(tx);
      await publishEvent(tx, 'store.theme_customized', { themeId: theme.id }, { tenantId });
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) throw AppError.notFound('Store');
    throw error;
  }
}

/**
 * What "publish" means when the merchant gives no explicit theme/settings: the draft if there
 * is one, else the live version again (with any settings given).
 */
export async function publishInputOf(options: {
  db: Db;
  tenantId: string;
  themeId?: string;
  settings?: ThemeSettings;
}): Promise<{ themeId: string; settings: ThemeSettings }> {
  const { db, tenantId } = options;
  const current = await withTenant(db, tenantId, async (tx) => {
    const [site] = await tx.select().from(sites);
    const [live] = site?.liveVersionId
      ? await tx.select().from(siteVersions).where(eq(siteVersions.id, site.liveVersionId))
      : [];
    return { site, live };
  });
  const draft = current.site?.draftThemeId
    ? { themeId: current.site.draftThemeId, settings: current.site.draftSettings ?? {} }
    : undefined;
  const base =
    draft ?? (current.live && { themeId: current.live.themeId, settings: current.live.settings });
  const themeId = options.themeId ?? base?.themeId;
  if (!themeId) throw AppError.validation([{ field: 'body.themeId', message: 'is required' }]);
  const settings = options.settings ?? (base?.themeId === themeId ? base.settings : {});
  return { themeId, settings };
}
