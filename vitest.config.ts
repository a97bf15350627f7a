import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          root: './apps/server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // The long fault loops run with `npm run test:faults` (vitest.faults.config.ts).
          exclude: ['**/*.faults.test.ts', '**/node_modules/**'],
          globalSetup: ['./test/global-setup.ts'],
          setupFiles: ['./test/fail-on-console-error.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: [
            'apps/admin/src/**/*.test.tsx',
            'apps/dashboard/src/**/*.test.tsx',
            'packages/ui/src/**/*.test.tsx',
          ],
          setupFiles: ['./packages/ui/test/setup-web.ts'],
        },
      },
    ],
  },
});
