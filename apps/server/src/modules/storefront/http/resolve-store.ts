/**
 * Looks a store up by slug: the tenant (platform registry), its name and the site shoppers see
 * (live version, or the tenant's theme with defaults before the first publish). The result is
 * cached by the storefront cache; this runs only on a miss.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ResolvedThemeSettings, ThemeSettings } from '@orbit360/contracts';
import {
  isUuid,
  readAsFoundTenant,
  readAsTenant,
  type Db,
} from '../../../platform/database/index.js';
import {
  storeContentQuery,
  toStoreContent,
  type StoreContent,
} from '../render/load-store-content.js';
import type { StoreRoute } from './store-paths.js';
import { merchants } from '../../merchants/index.js';
import { storeProfiles } from '../../stores/index.js';
import { tenants } from '../../tenants/index.js';
import { resolveThemeSettings } from '../../themes/index.js';
import { siteVersions, sites } from '../storefront.table.js';
import type { CompiledTheme } from '../render/theme-engine.js';
import type { ThemeRegistry } from '../render/theme-registry.js';

export type StoreStatus = 'provisioning' | 'live' | 'suspended';

/** What a site renders with: a theme and its resolved settings. */
export interface SiteView {
  /** null: nothing published yet (the tenant's theme with default settings). */
  versionId: string | null;
  version: number;
  theme: CompiledTheme;
  settings: ResolvedThemeSettings;
  /** Identifies theme + settings; part of page cache keys and of the stylesheet URL. */
  key: string;
}

export interface StoreEntry {
  tenantId: string;
  slug: string;
  status: StoreStatus;
  name: string;
  site: SiteView;
}

export function siteView(
  theme: CompiledTheme,
  version: { id: string; version: number; settings: ThemeSettings } | null,
): SiteView {
  const { settings } = resolveThemeSettings(theme.configSchema, version?.settings ?? {});
  const key = createHash('sha1')
    .update(`${theme.cacheKey}|${version?.id ?? 'default'}|${JSON.stringify(settings)}`)
    .digest('base64url')
    .slice(0, 16);
  return { versionId: version?.id ?? null, version: version?.version ?? 0, theme, settings, key };
}

/**
 * A store by slug. With `route`, the content of that route's page is read in the same round
 * trip (a store just resolved is about to render a page); it is returned beside the entry,
 * never cached with it.
 */
export async function loadStoreEntry(options: {
  db: Db;
  themes: ThemeRegistry;
  slug: string;
  route?: StoreRoute;
}): Promise<{ entry: StoreEntry; content?: StoreContent } | null> {
  const { db, slug, route } = options;
  // The tenant (platform registry) and, under its scope, its live version (if any) and its
  // profile's name (and the page's content): one round trip.
  const { found, results } = await readAsFoundTenant<{
    tenant_id: string;
    status: StoreStatus;
    theme_id: string;
    store_name: string;
  }>(
    db,
    sql`select t.id as tenant_id, t.status, t.theme_id, m.store_name
        from ${tenants} t join ${merchants} m on m.id = t.merchant_id
        where t.slug = ${slug}`,
    [
      sql`
        select
          (select json_build_object('id', v.id, 'version', v.version, 'themeId', v.theme_id,
                                    'settings', v.settings)
           from ${sites} s join ${siteVersions} v on v.id = s.live_version_id) as live,
          (select p.name from ${storeProfiles} p) as profile_name`,
      ...(route ? [storeContentQuery(route)] : []),
    ],
  );
  if (!found) return null;
  const [row] = results[0] as {
    live: { id: string; version: number; themeId: string; settings: ThemeSettings } | null;
    profile_name: string | null;
  }[];
  const live = row?.live ?? undefined;
  const theme =
    (live && (await options.themes.get(db, live.themeId))) ||
    (await options.themes.get(db, found.theme_id));
  if (!theme) throw new Error(`theme of tenant ${found.tenant_id} is missing`);
  const entry: StoreEntry = {
    tenantId: found.tenant_id,
    slug,
    status: found.status,
    name: row?.profile_name ?? found.store_name,
    site: siteView(theme, live && theme.id === live.themeId ? live : null),
  };
  return { entry, content: route ? toStoreContent(results[1]![0]!, route) : undefined };
}

/**
 * The site a preview token shows: the given version, else the merchant's draft, else live,
 * else the default. Only ever reads the token's own tenant (tenant scope).
 */
export async function loadPreviewSite(options: {
  db: Db;
  themes: ThemeRegistry;
  tenantId: string;
  versionId?: string;
  fallback: SiteView;
}): Promise<SiteView> {
  const { db, tenantId, versionId } = options;
  type Found = { themeId: string; id: string; version: number; settings: ThemeSettings } | null;
  const [row] = await readAsTenant<{ version: Found; draft: Found }>(
    db,
    tenantId,
    sql`
      select
        (select json_build_object('themeId', v.theme_id, 'id', v.id, 'version', v.version,
                                  'settings', v.settings)
         from ${siteVersions} v
         where v.tenant_id = ${tenantId} and v.id = ${versionId && isUuid(versionId) ? versionId : null}::uuid) as version,
        (select json_build_object('themeId', s.draft_theme_id, 'id', 'draft', 'version', 0,
                                  'settings', coalesce(s.draft_settings, '{}'::jsonb))
         from ${sites} s
         where s.tenant_id = ${tenantId} and s.draft_theme_id is not null) as draft`,
  );
  const chosen = row?.version ?? row?.draft;
  const found = chosen
    ? {
        themeId: chosen.themeId,
        version: { id: chosen.id, version: chosen.version, settings: chosen.settings },
      }
    : undefined;
  if (!found) return options.fallback;
  const theme = await options.themes.get(db, found.themeId);
  return theme ? siteView(theme, found.version) : options.fallback;
}
