/**
 * Opens one demo store per built-in theme in Chromium and saves screenshots.
 *
 *   DATABASE_URL=postgres://… PORT=5300 ADMIN_PORT=5301 DASHBOARD_PORT=5302 \
 *     npx tsx apps/server/scripts/screenshot-themes.ts [out-dir]
 *
 * Uses Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH). The demo stores are created
 * once (through the real use-cases) and reused on later runs.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/bootstrap.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';
import { tenants } from '../src/modules/tenants/index.js';
import { websiteUrlFor } from '../src/modules/storefront/index.js';
import { createTestStore } from '../test/support/create-test-store.js';

const DEMOS = [
  { theme: 'modern', slug: 'northwind', storeName: 'Northwind Supply' },
  { theme: 'classic', slug: 'maison-claire', storeName: 'Maison Claire' },
  { theme: 'minimal', slug: 'atelier-nord', storeName: 'Atelier Nord' },
];

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'collection', path: '/collections/all' },
  { name: 'product', path: '/products/organic-cotton-tee' },
  { name: 'page', path: '/pages/about' },
  { name: 'not-found', path: '/nope' },
];

async function main() {
  const outDir = path.resolve(process.argv[2] ?? '/work/notes/screenshots');
  await mkdir(outDir, { recursive: true });
  const config = loadConfig();
  const platform = await bootstrap(config, createLogger('warn'));
  const app = await buildApp(platform.ctx);
  await app.listen({ port: config.http.port, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const demo of DEMOS) {
      const [existing] = await platform.ctx.db
        .select({ id: tenants.id })
        .from(tenants)
        .where(eq(tenants.slug, demo.slug));
      if (!existing) await createTestStore(platform.ctx, demo);
      // The store's own address (Chromium resolves *.localhost to loopback); host routing
      // ignores the port, so the listening port is used whatever PLATFORM_DOMAIN says.
      const address = new URL(websiteUrlFor(config, demo.slug));
      address.port = String(config.http.port);
      const base = address.origin;
      for (const viewport of [
        { label: 'desktop', width: 1440, height: 900 },
        { label: 'mobile', width: 390, height: 844 },
      ]) {
        const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
        for (const target of viewport.label === 'mobile' ? PAGES.slice(0, 1) : PAGES) {
          const response = await page.goto(`${base}${target.path}`, { waitUntil: 'load' });
          // Scroll through once so lazy images below the fold are loaded for the full-page shot.
          const height = await page.evaluate('document.body.scrollHeight');
          for (let y = 0; y < Number(height); y += 600) {
            await page.evaluate(`window.scrollTo(0, ${y})`);
            await page.waitForTimeout(30);
          }
          await page.evaluate('window.scrollTo(0, 0)');
          await page.waitForLoadState('networkidle');
          const file = path.join(outDir, `${demo.theme}-${target.name}-${viewport.label}.png`);
          await page.screenshot({ path: file, fullPage: true });
          if (target.name === 'home') {
            await page.screenshot({ path: file.replace('.png', '-fold.png') });
          }
          process.stdout.write(`${response?.status()} ${file}\n`);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await app.close();
    await platform.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
