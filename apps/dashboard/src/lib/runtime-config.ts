/**
 * Where the API lives is decided at run time: the platform serves `/config.json` beside the
 * SPA (apps/server/src/platform/http/spa.ts), so one build works on any host and port.
 * Loaded once before the first render; tests set it directly.
 */
import { loadRuntimeConfig as fetchRuntimeConfig, type RuntimeConfig } from '@orbit360/ui';

export type { RuntimeConfig };

let current: RuntimeConfig | undefined;

function sameOrigin(): RuntimeConfig {
  const origin = globalThis.location?.origin ?? 'http://localhost';
  return {
    app: 'dashboard',
    apiUrl: origin,
    realtimeUrl: `${origin.replace(/^http/, 'ws')}/api/realtime`,
    adminUrl: origin,
    dashboardUrl: origin,
    platformDomain: globalThis.location?.host ?? 'localhost',
  };
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  current = await fetchRuntimeConfig('dashboard');
  return current;
}

export function setRuntimeConfig(config: Partial<RuntimeConfig>) {
  current = { ...sameOrigin(), ...config };
}

export function getRuntimeConfig(): RuntimeConfig {
  current ??= sameOrigin();
  return current;
}
