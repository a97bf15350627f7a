/**
 * The one place where a theme (templates stored as data) becomes a LiquidJS engine with hard
 * limits, and where pages are rendered with it. Only the render workers (render-worker.ts) run
 * it: the main thread knows a theme as plain data (`CompiledTheme`, `ThemeSource`) and sends it
 * to a worker with each render (ADR 012). Templates are parsed once per theme version and
 * worker; partials are cached by the engine. Merchant content is escaped by default
 * (`outputEscape: 'escape'`); theme authors opt out per value with `| raw` (used only for HTML
 * the server built safely).
 */
import { Liquid, LookupType, type Template } from 'liquidjs';
import type { ThemeConfigSchema, ThemeTemplates } from '@orbit360/contracts';
import { FALLBACK_TEMPLATES } from './fallback-templates.js';
import { formatMoney } from './text-format.js';
import { createTranslator } from './theme-translations.js';

/** Limits that bound what any template can cost (see docs/decisions/011-storefront-caching.md). */
export const RENDER_LIMITS = {
  /** Characters parsed per template. */
  parseLimit: 400_000,
  /** Milliseconds of rendering per page (template and layout together). */
  renderLimit: 200,
  /** LiquidJS allocation units (string/array sizes) per render call. */
  memoryLimit: 20_000_000,
  /** Characters of HTML a page may have. */
  maxOutput: 3_000_000,
};

export interface ThemeRow {
  id: string;
  key: string;
  name: string;
  configSchema: ThemeConfigSchema;
  templates: ThemeTemplates;
  updatedAt: Date;
}

/** What a render worker needs to build a theme's engine: plain, structured-cloneable data. */
export interface ThemeSource {
  /** Changes whenever the theme row changes; workers key their compiled engines by it. */
  cacheKey: string;
  assetVersion: string;
  templates: ThemeTemplates;
}

/** A theme version as the main thread knows it (no engine: rendering happens in workers). */
export interface CompiledTheme extends ThemeSource {
  id: string;
  key: string;
  name: string;
  /** Changes whenever the theme row changes; part of every page cache key. */
  cacheKey: string;
  /** Short hash of the theme's content, appended to asset URLs so they can be cached forever. */
  assetVersion: string;
  updatedAt: number;
  configSchema: ThemeConfigSchema;
}

/** A theme's LiquidJS engine, built inside a render worker. */
export interface ThemeEngine {
  templates: ThemeTemplates;
  engine: Liquid;
  parsed: Map<string, Template[] | ThemeRenderError>;
}

/** A theme failed to parse or render, or exceeded a limit. Rendered as a 503 page. */
export class ThemeRenderError extends Error {
  constructor(
    message: string,
    readonly template: string,
  ) {
    super(message);
    this.name = 'ThemeRenderError';
  }
}

interface ShopGlobals {
  shop?: { currency?: string; locale?: string };
}

export function describeTheme(row: ThemeRow, contentHash: string): CompiledTheme {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    cacheKey: `${row.id}@${row.updatedAt.getTime()}#${contentHash}`,
    assetVersion: contentHash,
    updatedAt: row.updatedAt.getTime(),
    configSchema: row.configSchema,
    templates: row.templates,
  };
}

/** The plain data of a theme a worker needs (no schema, no names). */
export function themeSource(theme: ThemeSource): ThemeSource {
  return { cacheKey: theme.cacheKey, assetVersion: theme.assetVersion, templates: theme.templates };
}

export function createThemeEngine(source: ThemeSource): ThemeEngine {
  const assetVersion = source.assetVersion;
  const templates: Record<string, string> = { ...FALLBACK_TEMPLATES, ...source.templates };
  const engine = new Liquid({
    templates,
    extname: '.liquid',
    outputEscape: 'escape',
    ownPropertyOnly: true,
    cache: true,
    parseLimit: RENDER_LIMITS.parseLimit,
    renderLimit: RENDER_LIMITS.renderLimit,
    memoryLimit: RENDER_LIMITS.memoryLimit,
  });
  engine.registerFilter('money', function (this: { context: { globals: unknown } }, cents) {
    const shop = (this.context.globals as ShopGlobals).shop;
    const value = Number(cents);
    if (!Number.isFinite(value)) return '';
    return formatMoney(value, shop?.currency ?? 'USD', shop?.locale ?? 'en-US');
  });
  const translator = createTranslator(source.templates);
  engine.registerFilter(
    't',
    function (this: { context: { globals: unknown } }, key, ...args: unknown[]) {
      const shop = (this.context.globals as ShopGlobals).shop;
      const named: Record<string, unknown> = {};
      for (const arg of args) {
        if (Array.isArray(arg) && typeof arg[0] === 'string') named[arg[0]] = arg[1];
      }
      return translator.translate(shop?.locale ?? 'en', String(key ?? ''), named);
    },
  );
  engine.registerFilter('asset_url', function (this: { context: { globals: unknown } }, file) {
    const routes = (this.context.globals as { routes?: { assets_url?: string } }).routes;
    const name = String(file ?? '').replace(/[^a-zA-Z0-9_.-]/g, '');
    return `${routes?.assets_url ?? '/assets'}/${name}?v=${assetVersion}`;
  });
  // Parse every partial now, so renders never pay for parsing (and never spend their time
  // budget on it). A partial that fails to parse fails the pages that use it, at render time.
  for (const file of Object.keys(templates)) {
    if (!/^(snippets|sections)\/.+\.liquid$/.test(file)) continue;
    try {
      engine.parseFileSync(file.slice(0, -'.liquid'.length), LookupType.Partials);
    } catch {
      // reported when a page renders it
    }
  }
  return { templates: source.templates, engine, parsed: new Map() };
}

/**
 * What the engine itself provides to every theme, not overridable by one: the document head
 * (`content_for_header`: title, description, canonical, Open Graph, noindex on previews,
 * favicon, the base stylesheet (base-stylesheet.ts), then the theme's stylesheet). Themes print it with `{{ content_for_header | raw }}` in their
 * layout and keep only what is theirs (e.g. `theme-color`).
 */
const ENGINE_TEMPLATES: Record<string, string> = {
  'engine/head.liquid': [
    '<title>{{ page_title }}</title>',
    '<meta name="description" content="{{ page_description }}">',
    '<link rel="canonical" href="{{ canonical_url }}">',
    '<meta property="og:site_name" content="{{ shop.name }}">',
    '<meta property="og:title" content="{{ page_title }}">',
    '<meta property="og:description" content="{{ page_description }}">',
    '<meta property="og:type" content="{{ og.type }}">',
    '<meta property="og:url" content="{{ canonical_url }}">',
    '{%- if og.image != blank %}',
    '<meta property="og:image" content="{{ og.image }}">',
    '{%- endif %}',
    '<meta name="twitter:card" content="summary_large_image">',
    '{%- if preview %}',
    '<meta name="robots" content="noindex">',
    '{%- endif %}',
    '<link rel="icon" href="{{ routes.favicon_url }}" type="image/svg+xml">',
    '<link rel="stylesheet" href="{{ routes.base_stylesheet_url }}">',
    '<link rel="stylesheet" href="{{ routes.stylesheet_url }}">',
  ].join('\n  '),
};

function parsedTemplate(theme: ThemeEngine, file: string): Template[] {
  let parsed = theme.parsed.get(file);
  if (!parsed) {
    const source = ENGINE_TEMPLATES[file] ?? theme.templates[file] ?? FALLBACK_TEMPLATES[file];
    try {
      parsed =
        source === undefined
          ? new ThemeRenderError(`The theme has no ${file}`, file)
          : theme.engine.parse(source, file);
    } catch (error) {
      parsed = new ThemeRenderError(describe(error), file);
    }
    theme.parsed.set(file, parsed);
  }
  if (parsed instanceof ThemeRenderError) throw parsed;
  return parsed;
}

function describe(error: unknown) {
  return error instanceof Error ? error.message.slice(0, 300) : 'template error';
}

function renderFile(
  theme: ThemeEngine,
  file: string,
  scope: Record<string, unknown>,
  globals: object,
  renderLimit: number,
) {
  const template = parsedTemplate(theme, file);
  try {
    return theme.engine.renderSync(template, scope, { globals, renderLimit }) as string;
  } catch (error) {
    // Liquid errors, LiquidJS's limit assertions (render time, memory: `AssertionError`, not a
    // LiquidError) and stack exhaustion from hostile recursion are the theme's fault; they only
    // fail this store's page. Running in a worker, nothing the theme does reaches the server.
    throw new ThemeRenderError(describe(error), file);
  }
}

/**
 * Renders `templates/<name>.liquid` inside `layout/theme.liquid`. A custom theme missing either
 * gets a plain built-in fallback, so every page type always renders.
 */
export function renderThemePage(theme: ThemeEngine, name: string, globals: object): string {
  const startedAt = performance.now();
  const content = renderFile(
    theme,
    `templates/${name}.liquid`,
    {},
    globals,
    RENDER_LIMITS.renderLimit,
  );
  if (content.length > RENDER_LIMITS.maxOutput) {
    throw new ThemeRenderError('page output is too large', `templates/${name}.liquid`);
  }
  const header = renderFile(
    theme,
    'engine/head.liquid',
    {},
    globals,
    Math.max(1, RENDER_LIMITS.renderLimit - (performance.now() - startedAt)),
  );
  const remaining = Math.max(1, RENDER_LIMITS.renderLimit - (performance.now() - startedAt));
  const html = renderFile(
    theme,
    'layout/theme.liquid',
    { content_for_layout: content, content_for_header: header },
    globals,
    remaining,
  );
  if (html.length > RENDER_LIMITS.maxOutput) {
    throw new ThemeRenderError('page output is too large', 'layout/theme.liquid');
  }
  return html;
}
