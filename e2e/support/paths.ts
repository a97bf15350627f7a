import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = join(E2E_DIR, '..');
/** Screenshots of every main screen, kept after the run (gitignored). */
export const SCREENSHOTS_DIR = join(E2E_DIR, 'screenshots');
/** Server log and failure screenshots (gitignored). */
export const RESULTS_DIR = join(E2E_DIR, 'test-results');
