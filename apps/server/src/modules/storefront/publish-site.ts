import { and, eq, sql } from 'drizzle-orm';
import type { ThemeSettings } from '@orbit360/contracts';
import type { Db, Tx } from '../../platform/database/index.js';
import { isUuid, leaveTenantScope, withTenant } from '../../platform/database/index.js';
import { AppError, PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';
import { tenants } from '../tenants/index.js';
import { getTheme, resolveThemeSettings } from '../themes/index.js';
import { invalidateLocalCaches } from './storefront-cache.js';
import { siteVersions, sites, type SiteActor } from './storefront.table.js';

export interface PublishedVersion {
  versionId: string;
  version: number;
}

/** Locks the tenant's site row (creating it on first use): publishes of one tenant serialise. */
export async function lockSite(tx: Tx, tenantId: string) {
  await tx.insert(sites).values({ tenantId }).onConflictDoNothing({ target: sites.tenantId });
  const [site] = await tx.select().from(sites).where(eq(sites.tenantId, tenantId)).for('update');
  return site!;
}

/** Validates settings against the theme's config schema; bad values name `settings.<group>.<key>`. */
export async function validatedSite(db: Db, themeId: string, settings: ThemeSettings | undefined) {
  const theme = isUuid(themeId)
    ? await getTheme({ db, id: themeId }).catch(() => undefined)
    : undefined;
  if (!theme) throw AppError.validation([{ field: 'themeId', message: 'no theme with this id' }]);
  const { issues } = resolveThemeSettings(theme.configSchema, settings);
  if (issues.length) throw AppError.validation(issues);
  return { theme, settings: settings ?? {} };
}

/**
 * Publishes a new site version (theme + validated settings) and makes it live, atomically;
 * older versions are kept for rollback. With an `idempotencyKey` already used by this tenant,
 * returns that version instead of creating another. Emits `site.published` in the same
 * transaction and invalidates this instance's storefront caches after commit (other instances
 * follow through the realtime stream).
 */
export async function publishSite(options: {
  db: Db;
  tenantId: string;
  themeId: string;
  settings?: ThemeSettings;
  idempotencyKey?: string;
  actor: SiteActor;
}): Promise<PublishedVersion> {
  const { db, tenantId, idempotencyKey, actor } = options;
  if (!isUuid(tenantId)) throw AppError.notFound('Store');
  const { theme, settings } = await validatedSite(db, options.themeId, options.settings);
  try {
    const result = await withTenant(db, tenantId, async (tx) => {
      await lockSite(tx, tenantId);
      if (idempotencyKey) {
        const [existing] = await tx
          .select({ versionId: siteVersions.id, version: siteVersions.version })
          .from(siteVersions)
          .where(
            and(
              eq(siteVersions.tenantId, tenantId),
              eq(siteVersions.idempotencyKey, idempotencyKey),
            ),
          );
        if (existing) return { ...existing, created: false };
      }
      if (theme.archivedAt) {
        throw AppError.validation([{ field: 'themeId', message: 'this theme is archived' }]);
      }
      const [{ next }] = (await tx
        .select({
          next: sql<number>`coalesce(max(${siteVersions.version}), 0) + 1`.mapWith(Number),
        })
        .from(siteVersions)
        .where(eq(siteVersions.tenantId, tenantId))) as [{ next: number }];
      const [row] = await tx
        .insert(siteVersions)
        .values({
          tenantId,
          version: next,
          themeId: theme.id,
          settings,
          idempotencyKey,
          createdBy: actor,
        })
        .returning({ versionId: siteVersions.id, version: siteVersions.version });
      const now = new Date();
      await tx
        .update(sites)
        // Publishing supersedes any draft.
        .set({
          liveVersionId: row!.versionId,
          publishedAt: now,
          updatedAt: now,
          draftThemeId: null,
          draftSettings: null,
          draftUpdatedAt: null,
        })
        .where(eq(sites.tenantId, tenantId));
      await leaveTenantScope(tx);
      await tx
        .update(tenants)
        .set({ themeId: theme.id, updatedAt: now })
        .where(eq(tenants.id, tenantId));
      await recordAudit(tx, {
        actor,
        action: 'site.published',
        target: { type: 'site_version', id: row!.versionId },
        tenantId,
        data: { version: row!.version, themeId: theme.id },
      });
      await publishEvent(
        tx,
        'site.published',
        { versionId: row!.versionId, version: row!.version },
        { tenantId },
      );
      return { ...row!, created: true };
    });
    if (result.created) invalidateLocalCaches(tenantId);
    return { versionId: result.versionId, version: result.version };
  } catch (error) {
    if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) throw AppError.notFound('Store');
    throw error;
  }
}
