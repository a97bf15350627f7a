import { eq, sql } from 'drizzle-orm';
import type { ThemeSettings } from '@orbit360/contracts';
import {
  insertJsonRowsReturning,
  isUuid,
  leaveTenantScope,
  withTenant,
  type Db,
  type Tx,
} from '../../../platform/database/index.js';
import { AppError, PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { publishEvents } from '../../realtime/index.js';
import { setTenantThemes } from '../../tenants/index.js';
import { getThemeSummary, resolveThemeSettings, type ThemeSummary } from '../../themes/index.js';
import type { StorefrontInvalidation } from '../follow-events.js';
import { siteVersions, sites, type SiteActor } from '../storefront.table.js';

export interface PublishedVersion {
  versionId: string;
  version: number;
}

/**
 * Locks the tenants' site rows, creating them on first use, in one statement (an upsert
 * locks the row it meets) and in tenant order: publishes of one tenant serialise, and two
 * batches cannot deadlock. Returns the rows in that order.
 */
async function lockSites(tx: Tx, tenantIds: string[]) {
  return tx
    .insert(sites)
    .values([...tenantIds].sort().map((tenantId) => ({ tenantId })))
    .onConflictDoUpdate({ target: sites.tenantId, set: { tenantId: sql`excluded.tenant_id` } })
    .returning();
}

/** Locks the tenant's site row (creating it on first use): publishes of one tenant serialise. */
export async function lockSite(tx: Tx, tenantId: string) {
  const [site] = await lockSites(tx, [tenantId]);
  return site!;
}

/** Settings checked against the theme's config schema; bad values name `settings.<group>.<key>`. */
function validatedSettings(theme: ThemeSummary, settings: ThemeSettings | undefined) {
  const { issues } = resolveThemeSettings(theme.configSchema, settings);
  if (issues.length) throw AppError.validation(issues);
  return settings ?? {};
}

/** The theme (which must exist) and the validated settings of a site. */
export async function validatedSite(db: Db, themeId: string, settings: ThemeSettings | undefined) {
  const theme = isUuid(themeId)
    ? await getThemeSummary({ db, id: themeId }).catch(() => undefined)
    : undefined;
  if (!theme) throw AppError.validation([{ field: 'themeId', message: 'no theme with this id' }]);
  return { theme, settings: validatedSettings(theme, settings) };
}

export interface SiteToPublish {
  tenantId: string;
  themeId: string;
  settings?: ThemeSettings;
  /** Already used by this tenant: that version is returned instead of creating another. */
  idempotencyKey?: string;
}

/**
 * What "publish" means when the merchant gives no explicit theme/settings: the draft if there
 * is one, else the live version again (with any settings given). Not read when both are given.
 */
async function publishInputOf(options: {
  db: Db;
  tenantId: string;
  themeId?: string;
  settings?: ThemeSettings;
}): Promise<{ themeId: string; settings: ThemeSettings }> {
  const { db, tenantId } = options;
  if (options.themeId && options.settings) {
    return { themeId: options.themeId, settings: options.settings };
  }
  if (!isUuid(tenantId)) throw AppError.notFound('Store');
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

/**
 * Publishes a new site version (theme + validated settings) and makes it live, atomically;
 * older versions are kept for rollback. Without a theme it publishes the draft (else the live
 * theme again); without settings, those of the draft or live version of that theme. With an `idempotencyKey` already used by this tenant,
 * returns that version instead of creating another. Emits `site.published` in the same
 * transaction; every instance's caches follow that event through the realtime stream, and
 * `storefront` (this instance's caches) is invalidated right after commit, so the caller's next
 * request already sees the new version.
 */
export async function publishSite(
  options: Omit<SiteToPublish, 'themeId'> & {
    themeId?: string;
    db: Db;
    actor: SiteActor;
    storefront?: StorefrontInvalidation;
  },
) {
  const { db, actor, storefront, ...site } = options;
  const input = await publishInputOf({ db, ...site });
  const [published] = await publishSites({
    db,
    actor,
    storefront,
    sites: [{ ...site, ...input }],
  });
  return published!;
}

/**
 * `publishSite` for the sites of several tenants (distinct) in one transaction and a fixed
 * number of statements — how provisioning deploys a batch of new stores. All or nothing.
 * Returns one version per site, in order.
 */
export async function publishSites(options: {
  db: Db;
  sites: SiteToPublish[];
  actor: SiteActor;
  /** This instance's caches, invalidated after commit (other instances follow the stream). */
  storefront?: StorefrontInvalidation;
}): Promise<PublishedVersion[]> {
  const { db, actor } = options;
  const tenantIds = options.sites.map((s) => s.tenantId);
  if (!tenantIds.every(isUuid)) throw AppError.notFound('Store');
  if (new Set(tenantIds).size !== tenantIds.length) {
    throw new Error('publishSites: one site per tenant');
  }
  const themes = new Map<string, ThemeSummary>();
  const wanted: (SiteToPublish & { theme: ThemeSummary; settings: ThemeSettings })[] = [];
  for (const site of options.sites) {
    const cached = themes.get(site.themeId);
    const { theme, settings } = cached
      ? { theme: cached, settings: validatedSettings(cached, site.settings) }
      : await validatedSite(db, site.themeId, site.settings);
    themes.set(site.themeId, theme);
    wanted.push({ ...site, theme, settings });
  }
  try {
    const results = await withTenant(db, tenantIds, async (tx) => {
      await lockSites(tx, tenantIds);
      // One read for both: each tenant's latest version number, and its versions that
      // already carry one of the requested idempotency keys.
      const keys = wanted.flatMap((w) => (w.idempotencyKey ? [w.idempotencyKey] : []));
      const { rows: known } = await tx.execute<{
        tenant_id: string;
        latest: number;
        key: string | null;
        id: string | null;
        version: number | null;
      }>(sql`
        select m.tenant_id, m.latest, v.idempotency_key as key, v.id, v.version
        from (select tenant_id, max(version)::int as latest from ${siteVersions}
              where tenant_id in (select jsonb_array_elements_text(${JSON.stringify(tenantIds)}::jsonb)::uuid)
              group by tenant_id) m
        left join ${siteVersions} v on v.tenant_id = m.tenant_id
          and v.idempotency_key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`);
      const latestOf = new Map(known.map((k) => [k.tenant_id, k.latest]));
      const found = new Map(
        known.flatMap((k) =>
          k.key ? [[`${k.tenant_id}/${k.key}`, { versionId: k.id!, version: k.version! }]] : [],
        ),
      );
      const already = (w: (typeof wanted)[number]) =>
        w.idempotencyKey ? found.get(`${w.tenantId}/${w.idempotencyKey}`) : undefined;
      const toCreate = wanted.filter((w) => !already(w));
      if (!toCreate.length) return wanted.map((w) => ({ ...already(w)!, created: false }));
      if (toCreate.some((w) => w.theme.archivedAt)) {
        throw AppError.validation([{ field: 'themeId', message: 'this theme is archived' }]);
      }
      const created = (
        await insertJsonRowsReturning(
          tx,
          siteVersions,
          toCreate.map((w) => ({
            tenantId: w.tenantId,
            version: (latestOf.get(w.tenantId) ?? 0) + 1,
            themeId: w.theme.id,
            settings: w.settings,
            idempotencyKey: w.idempotencyKey ?? null,
            createdBy: actor,
          })),
        )
      ).map((v) => ({
        tenantId: v.tenantId,
        versionId: v.id,
        version: v.version,
        themeId: v.themeId,
      }));
      const live = JSON.stringify(
        created.map((c) => ({
          tenant_id: c.tenantId,
          version_id: c.versionId,
        })),
      );
      // Publishing supersedes any draft.
      await tx.execute(sql`
        update ${sites} s set live_version_id = i.version_id, published_at = now(), updated_at = now(),
          draft_theme_id = null, draft_settings = null, draft_updated_at = null
        from jsonb_to_recordset(${live}::jsonb) as i(tenant_id uuid, version_id uuid)
        where s.tenant_id = i.tenant_id`);
      await leaveTenantScope(tx);
      await setTenantThemes(
        tx,
        created.map((c) => ({ tenantId: c.tenantId, themeId: c.themeId })),
      );
      await recordAudit(
        tx,
        created.map((c) => ({
          actor,
          action: 'site.published',
          target: { type: 'site_version', id: c.versionId },
          tenantId: c.tenantId,
          data: { version: c.version, themeId: c.themeId },
        })),
      );
      await publishEvents(
        tx,
        created.map((c) => ({
          type: 'site.published' as const,
          data: { versionId: c.versionId, version: c.version },
          tenantId: c.tenantId,
        })),
      );
      const createdOf = new Map(created.map((c) => [c.tenantId, c]));
      return wanted.map((w) => {
        const made = createdOf.get(w.tenantId);
        return made ? { ...made, created: true } : { ...already(w)!, created: false };
      });
    });
    for (const [i, result] of results.entries()) {
      if (result.created) options.storefront?.invalidateTenant(tenantIds[i]!);
    }
    return results.map(({ versionId, version }) => ({ versionId, version }));
  } catch (error) {
    if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) throw AppError.notFound('Store');
    throw error;
  }
}
