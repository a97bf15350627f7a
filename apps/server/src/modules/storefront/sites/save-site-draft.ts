import { eq } from 'drizzle-orm';
import type { SiteState, ThemeSettings } from '@orbit360/contracts';
import type { Config } from '../../../platform/config.js';
import { withTenant, type Db } from '../../../platform/database/index.js';
import { AppError, PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../../../platform/errors.js';
import { publishEvent } from '../../realtime/index.js';
import { leaveTenantScope } from '../../../platform/database/index.js';
import { getSiteState } from './get-site-state.js';
import { lockSite, validatedSite } from './publish-site.js';
import { sites } from '../storefront.table.js';

/**
 * Saves the merchant's unpublished theme choice and settings (validated like a publish). Only
 * preview links show a draft; shoppers keep seeing the live version until it is published.
 * Returns the site's state with the saved draft.
 */
export async function saveSiteDraft(options: {
  db: Db;
  config: Config;
  tenantId: string;
  themeId: string;
  settings: ThemeSettings;
}): Promise<SiteState> {
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
  return getSiteState({ db, config: options.config, tenantId });
}
