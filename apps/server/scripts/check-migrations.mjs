// Fails when the tables in src/modules/**/*.table.ts and the committed migrations disagree:
// generates into a scratch copy of migrations/ and checks that nothing new was written.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const scratch = mkdtempSync(path.join(tmpdir(), 'orbit-migrations-'));
try {
  cpSync('migrations', scratch, { recursive: true });
  const before = readdirSync(scratch).length;
  execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect=postgresql',
      '--schema=./src/modules/**/*.table.ts',
      `--out=${scratch}`,
    ],
    { stdio: 'pipe' },
  );
  const added = readdirSync(scratch).filter((f) => f.endsWith('.sql')).length - (before - 1);
  if (added > 0) {
    console.error(
      'Schema and migrations disagree: run `npm run db:generate` and commit the result.',
    );
    process.exit(1);
  }
  console.warn('migrations match the schema');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
