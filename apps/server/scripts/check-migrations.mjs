// Fails when the tables in src/{modules,platform}/**/*.table.ts and the committed migrations disagree:
// generates into a scratch copy of migrations/ and checks that drizzle-kit finds nothing to add.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';

const scratch = `.migrations-check-${process.pid}`; // drizzle-kit wants a relative path
const sqlFiles = () => readdirSync(scratch).filter((f) => f.endsWith('.sql')).length;
try {
  cpSync('migrations', scratch, { recursive: true });
  const before = sqlFiles();
  const run = spawnSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect=postgresql',
      '--schema=./src/{modules,platform}/**/*.table.ts',
      `--out=${scratch}`,
    ],
    { encoding: 'utf8' },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  if (sqlFiles() > before) {
    console.error(
      'Schema and migrations disagree: run `npm run db:generate` and commit the result.',
    );
    process.exit(1);
  }
  if (run.status !== 0 || !/No schema changes/i.test(output)) {
    console.error(`drizzle-kit could not compare schema and migrations:\n${output}`);
    process.exit(1);
  }
  console.warn('migrations match the schema');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
