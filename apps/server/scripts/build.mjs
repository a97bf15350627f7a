#!/usr/bin/env node
/**
 * `npm run build -w @orbit360/server`: compiles the server to plain JavaScript in apps/server/dist
 * for `npm run start:prod` (ADR 005). One ESM bundle per entry with the app's own code and
 * @orbit360/contracts (TypeScript source) inside; every other package stays in node_modules.
 * Source maps go to files next to the bundle (for stack traces with --enable-source-maps), they
 * are never served. Exported for the test that builds the bundle before starting it.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SERVER_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export async function buildServer({ outdir = DIST, logLevel = 'info' } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: SERVER_ROOT,
    // The storefront render worker is its own entry: the pool loads dist/render-worker.js.
    entryPoints: {
      main: 'src/main.ts',
      'render-worker': 'src/modules/storefront/render/render-worker.ts',
    },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Keep node_modules external, but bundle the workspace's own TypeScript contracts.
    packages: 'external',
    alias: { '@orbit360/contracts': '../../packages/contracts/src/index.ts' },
    sourcemap: 'linked',
    logLevel,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
}
