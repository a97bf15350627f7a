#!/usr/bin/env node
/**
 * `prestart`: builds the admin panel and the merchant dashboard when their dist/ is missing or
 * older than their sources (the app, packages/ui, packages/contracts), so a fresh clone works
 * with a plain `npm start` and later starts skip the build (a stat walk of a few hundred files).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const log = (line) => process.stdout.write(`${line}\n`);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = ['packages/ui/src', 'packages/ui/package.json', 'packages/contracts/src'];
const APPS = [
  { name: 'admin', workspace: '@orbit360/admin' },
  { name: 'dashboard', workspace: '@orbit360/dashboard' },
];

/** Newest modification time under a file or folder (skipping tests, which are not bundled). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    if (/\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

const sharedMtime = Math.max(...SHARED.map((p) => newestMtime(join(root, p))));
const stale = [];
for (const app of APPS) {
  const dir = join(root, 'apps', app.name);
  if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'vite.config.ts'))) {
    console.warn(`[spa] apps/${app.name} has no Vite app yet; skipping its build`);
    continue;
  }
  const built = join(dir, 'dist', 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(
    sharedMtime,
    ...['src', 'index.html', 'vite.config.ts', 'package.json', 'public'].map((p) =>
      newestMtime(join(dir, p)),
    ),
  );
  if (builtAt < sourcesAt) stale.push(app);
}

if (stale.length === 0) {
  process.exit(0);
}
log(`[spa] building ${stale.map((a) => a.name).join(' and ')} (sources changed or no build yet)…`);
const started = Date.now();
const result = spawnSync(
  'npm',
  ['run', 'build', '--silent', ...stale.flatMap((a) => ['-w', a.workspace])],
  { cwd: root, stdio: 'inherit' },
);
if (result.status !== 0) {
  console.error('[spa] build failed; fix the errors above or run `npm run build` to see them');
  process.exit(result.status ?? 1);
}
log(`[spa] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
