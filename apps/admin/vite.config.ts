import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Production: `npm run build` → dist/, served by the platform (apps/server/src/platform/http/spa.ts)
// with a runtime /config.json. `npm run dev -w @orbit360/admin` proxies the API to :5000.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 3001,
    proxy: { '/api': { target: 'http://localhost:5000', ws: true } },
  },
  build: {
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      // zod's sources carry /*@__PURE__*/ comments Rollup cannot place; harmless.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
      // Libraries change less often than the app: separate chunks stay cached across releases.
      // (React and everything built on it share one chunk; splitting them creates init cycles.)
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          return id.includes('/zod/') ? 'zod' : 'vendor';
        },
      },
    },
  },
});
