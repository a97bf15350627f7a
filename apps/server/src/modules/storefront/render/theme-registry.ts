/**
 * Compiled themes, kept per theme id and recompiled only when the theme row changes
 * (`updated_at`). Consulted when a store is (re)resolved, never on a cached page hit. A theme
 * change reaches every instance as a `theme.changed` event, which expires the registry; the
 * row's `updated_at` is otherwise re-read at most once per `recheckMs` (a missed event costs
 * at most that long).
 */
import { createHash } from 'node:crypto';
import { desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/database/index.js';
import { themes } from '../../themes/index.js';
import { ENGINE_ASSETS_VERSION } from './engine-assets.js';
import { describeTheme, type CompiledTheme } from './theme-engine.js';

export interface ThemeRegistry {
  get(db: Executor, themeId: string): Promise<CompiledTheme | undefined>;
  /** Compiles the themes stores are likely to use (not archived, most recent first). */
  warm(db: Executor): Promise<void>;
  /** The next `get` of every theme re-reads its row. */
  expire(): void;
  clear(): void;
}

export function createThemeRegistry(maxThemes = 64, recheckMs = 1000): ThemeRegistry {
  const compiled = new Map<string, CompiledTheme>();
  const checkedAt = new Map<string, number>();
  const loading = new Map<string, Promise<CompiledTheme | undefined>>();

  /** Re-reads the theme's `updated_at`; compiles it again only when it changed. */
  async function load(db: Executor, themeId: string): Promise<CompiledTheme | undefined> {
    const current = compiled.get(themeId);
    const [meta] = await db
      .select({ updatedAt: themes.updatedAt })
      .from(themes)
      .where(eq(themes.id, themeId));
    if (!meta) return undefined;
    checkedAt.set(themeId, Date.now());
    if (current?.updatedAt === meta.updatedAt.getTime()) return current;
    const [row] = await db
      .select({
        id: themes.id,
        key: themes.key,
        name: themes.name,
        configSchema: themes.configSchema,
        templates: themes.templates,
        updatedAt: themes.updatedAt,
      })
      .from(themes)
      .where(eq(themes.id, themeId));
    if (!row) return undefined;
    // Content hash: a deploy that changes a built-in theme's files or the engine's base
    // stylesheet changes every asset URL.
    const contentHash = createHash('sha1')
      .update(JSON.stringify([row.templates, row.configSchema, ENGINE_ASSETS_VERSION]))
      .digest('base64url')
      .slice(0, 12);
    const theme = describeTheme(row, contentHash);
    compiled.delete(themeId);
    compiled.set(themeId, theme);
    if (compiled.size > maxThemes) {
      const oldest = compiled.keys().next().value!;
      compiled.delete(oldest);
      checkedAt.delete(oldest);
    }
    return theme;
  }

  const registry: ThemeRegistry = {
    async warm(db) {
      const rows = await db
        .select({ id: themes.id })
        .from(themes)
        .where(isNull(themes.archivedAt))
        .orderBy(desc(themes.updatedAt))
        .limit(maxThemes);
      for (const { id } of rows) await registry.get(db, id);
    },
    get(db, themeId) {
      const current = compiled.get(themeId);
      if (current && Date.now() - (checkedAt.get(themeId) ?? 0) < recheckMs) {
        return Promise.resolve(current);
      }
      // Concurrent requests for a theme due for its recheck share one read.
      let pending = loading.get(themeId);
      if (!pending) {
        pending = load(db, themeId).finally(() => loading.delete(themeId));
        loading.set(themeId, pending);
      }
      return pending;
    },
    expire: () => checkedAt.clear(),
    clear: () => {
      compiled.clear();
      checkedAt.clear();
    },
  };
  return registry;
}
