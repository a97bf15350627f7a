/**
 * Browser end-to-end tests: `npm run test:e2e`.
 *
 * Builds the SPAs if needed, starts the real platform (API, worker, storefronts, admin panel,
 * dashboard) against a fresh PostgreSQL database, launches Debian's Chromium, and runs the
 * scenarios in order with node:test. Screenshots of each main screen go to e2e/screenshots/;
 * the server log and failure screenshots to e2e/test-results/. Whatever it started is stopped
 * at the end, also on failure or Ctrl-C.
 */
import { rmSync } from 'node:fs';
import { after, before } from 'node:test';
import { launchBrowser } from './support/browser.js';
import { ctx, setContext } from './support/context.js';
import { RESULTS_DIR, SCREENSHOTS_DIR } from './support/paths.js';
import { ensureSpasBuilt, startPlatform } from './support/platform.js';

let stopping = false;
async function stopAll() {
  if (stopping) return;
  stopping = true;
  const current = (() => {
    try {
      return ctx();
    } catch {
      return undefined;
    }
  })();
  await current?.browser.close().catch(() => {});
  await current?.platform.stop();
  setContext(undefined);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

before(
  async () => {
    rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
    rmSync(RESULTS_DIR, { recursive: true, force: true });
    ensureSpasBuilt();
    const platform = await startPlatform();
    try {
      const browser = await launchBrowser();
      setContext({ platform, browser });
    } catch (error) {
      await platform.stop();
      throw error;
    }
    process.stdout.write(
      `# platform: API ${platform.apiUrl}, admin ${platform.adminUrl}, dashboard ${platform.dashboardUrl}, database ${platform.database}\n`,
    );
  },
  { timeout: 240_000 },
);

after(
  async () => {
    await stopAll();
    process.stdout.write(
      `# screenshots: ${SCREENSHOTS_DIR}\n# server log: ${RESULTS_DIR}/server.log\n`,
    );
  },
  { timeout: 60_000 },
);

await import('./scenarios/apply.e2e.js');
await import('./scenarios/activation.e2e.js');
await import('./scenarios/failure-retry.e2e.js');
await import('./scenarios/tenant-isolation.e2e.js');
await import('./scenarios/sessions.e2e.js');
await import('./scenarios/catalog.e2e.js');
