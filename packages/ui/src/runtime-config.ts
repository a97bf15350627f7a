/**
 * Runtime configuration of an SPA, served by the platform as `/config.json` next to the app
 * (apps/server/src/platform/http/spa.ts), so one build works on any host and port.
 */
export interface RuntimeConfig {
  /** Which SPA this is. */
  app: 'admin' | 'dashboard';
  /** API origin, e.g. http://localhost:5000 */
  apiUrl: string;
  /** WebSocket endpoint, e.g. ws://localhost:5000/api/realtime */
  realtimeUrl: string;
  adminUrl: string;
  dashboardUrl: string;
  /** Storefront domain (`<slug>.<platformDomain>`), e.g. localhost:5000 */
  platformDomain: string;
}

/** Fetches `/config.json`; falls back to same-origin URLs (e.g. under `vite dev` with a proxy). */
export async function loadRuntimeConfig(app: RuntimeConfig['app']): Promise<RuntimeConfig> {
  const origin = globalThis.location?.origin ?? 'http://localhost';
  const fallback: RuntimeConfig = {
    app,
    apiUrl: origin,
    realtimeUrl: `${origin.replace(/^http/, 'ws')}/api/realtime`,
    adminUrl: origin,
    dashboardUrl: origin,
    platformDomain: globalThis.location?.host ?? 'localhost',
  };
  try {
    const response = await fetch('/config.json', { headers: { accept: 'application/json' } });
    if (!response.ok) return fallback;
    return { ...fallback, ...((await response.json()) as Partial<RuntimeConfig>) };
  } catch {
    return fallback;
  }
}
