import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/index.js';
import { loadSystemThemes } from './system-themes.js';
import { themes } from './themes.table.js';

/**
 * Inserts the built-in themes, or refreshes their code-owned parts (templates, schema, preview)
 * when they exist. Names, descriptions and archive state chosen by admins are kept. Idempotent.
 */
export async function seedThemes(db: Executor) {
  for (const theme of loadSystemThemes()) {
    await db
      .insert(themes)
      .values({ ...theme, isSystem: true })
      .onConflictDoUpdate({
        target: themes.key,
        set: {
          templates: sql`excluded.templates`,
          configSchema: sql`excluded.config_schema`,
          preview: sql`excluded.preview`,
          sortOrder: sql`excluded.sort_order`,
        },
        setWhere: sql`${themes.isSystem}`,
      });
  }
}
