/**
 * A storefront render worker (a Piscina worker thread, ADR 012). Receives plain data — the
 * theme's source and the page's globals — and returns the page's HTML, so whatever a theme
 * costs (CPU, heap) is spent here, never on the server's event loop. The pool terminates a
 * worker whose render outlasts its timeout or whose heap overruns its cap, and starts another.
 * Engines are compiled with theme-engine.ts, once per theme version per worker.
 */
import type { MessagePort } from 'node:worker_threads';
import {
  createThemeEngine,
  renderThemePage,
  ThemeRenderError,
  type ThemeEngine,
  type ThemeSource,
} from './theme-engine.js';

export interface RenderTask {
  theme: ThemeSource;
  /** `templates/<page>.liquid` is rendered inside `layout/theme.liquid`. */
  page: string;
  globals: object;
  /** Told `started` when the render begins: the pool's timeout counts from there. */
  port?: MessagePort;
}

export type RenderResult =
  { ok: true; html: string } | { ok: false; template: string; reason: string };

const MAX_ENGINES = 32;
const engines = new Map<string, ThemeEngine>();

function engineFor(source: ThemeSource) {
  let engine = engines.get(source.cacheKey);
  if (engine) {
    engines.delete(source.cacheKey);
  } else {
    engine = createThemeEngine(source);
    if (engines.size >= MAX_ENGINES) engines.delete(engines.keys().next().value!);
  }
  engines.set(source.cacheKey, engine);
  return engine;
}

export default function render(task: RenderTask): RenderResult {
  task.port?.postMessage('started');
  try {
    return { ok: true, html: renderThemePage(engineFor(task.theme), task.page, task.globals) };
  } catch (error) {
    if (error instanceof ThemeRenderError) {
      return { ok: false, template: error.template, reason: error.message };
    }
    const reason = error instanceof Error ? error.message.slice(0, 300) : 'render failed';
    return { ok: false, template: `templates/${task.page}.liquid`, reason };
  } finally {
    task.port?.close();
  }
}
