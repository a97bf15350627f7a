import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the long fault-injection runs against real processes (SIGKILL loops,
 * lost leases, shutdown under a backlog). Bounded in count and time; CI runs them after
 * `npm test`, which leaves them out.
 */
export default defineConfig({
  test: {
    name: 'faults',
    root: './apps/server',
    include: ['src/**/*.faults.test.ts', 'test/**/*.faults.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/fail-on-console-error.ts'],
    testTimeout: 480_000,
    hookTimeout: 60_000,
    // One at a time: each run drives several server processes.
    fileParallelism: false,
  },
});
