/**
 * The built-in themes ship as files in ./system-themes/<key>/ (theme.json + Liquid/CSS) and are
 * loaded into the database at boot. Keeping them as files makes them pleasant to author; storing
 * them as data lets custom themes be created over the API and rendered the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER_ROOT } from '../../platform/paths.js';
import type { ThemeConfigSchema, ThemePreview, ThemeTemplates } from '@orbit360/contracts';

const ROOT = path.join(SERVER_ROOT, 'src', 'modules', 'themes', 'system-themes');

export interface SystemTheme {
  key: string;
  name: string;
  description: string;
  preview: ThemePreview;
  configSchema: ThemeConfigSchema;
  templates: ThemeTemplates;
  sortOrder: number;
}

function readTemplates(dir: string): ThemeTemplates {
  const templates: ThemeTemplates = {};
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(path.join(dir, folder.name))) {
      templates[`${folder.name}/${file}`] = readFileSync(path.join(dir, folder.name, file), 'utf8');
    }
  }
  return templates;
}

export function loadSystemThemes(): SystemTheme[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = path.join(ROOT, entry.name);
      const meta = JSON.parse(readFileSync(path.join(dir, 'theme.json'), 'utf8'));
      return { key: entry.name, ...meta, templates: readTemplates(dir) } as SystemTheme;
    })
    .sort((a, b) => a.sortOrder - b.sortOrder);
}
