import type { RuntimeConfig } from '@orbit360/ui';
import { createContext, useContext, type ReactNode } from 'react';

const RuntimeContext = createContext<RuntimeConfig | null>(null);

export function RuntimeProvider({
  config,
  children,
}: {
  config: RuntimeConfig;
  children: ReactNode;
}) {
  return <RuntimeContext.Provider value={config}>{children}</RuntimeContext.Provider>;
}

/** Where the API and the realtime socket are (from /config.json). */
export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeContext);
  if (!config) throw new Error('useRuntimeConfig outside RuntimeProvider');
  return config;
}
