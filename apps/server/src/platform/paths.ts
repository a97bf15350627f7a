/**
 * Where the server's files are at run time, whether it runs from source (`src/…` under tsx or
 * vitest) or compiled into one bundle (`dist/main.js`): the first folder above this module that
 * holds `package.json` and `migrations/` is apps/server (ADR 005).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findServerRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`apps/server not found above ${from}`);
  }
}

/** apps/server */
export const SERVER_ROOT = findServerRoot(dirname(fileURLToPath(import.meta.url)));
/** The repository root (the SPAs' dist folders are under apps/<name>/dist). */
export const REPO_ROOT = join(SERVER_ROOT, '..', '..');
