/**
 * Vite build of the merchant dashboard. The API base URL is not baked in: the SPA server
 * serves `/config.json` at run time (see src/lib/runtime-config.ts), so one build works on any
 * port or host. `VITE_API_URL` only matters for `vite dev`.
 */
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { port: 3003, strictPort: false },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      // The contracts package mixes zod schemas (for the server) with types and small
      // helpers; its modules have no side effects, so only what the SPA uses is bundled.
      treeshake: { moduleSideEffects: (id) => !id.includes('/packages/contracts/') },
      // Libraries change less often than the app: separate chunks cache better.
      output: {
        manualChunks(id) {
          if (
            /node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)
          ) {
            return 'react';
          }
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
});
