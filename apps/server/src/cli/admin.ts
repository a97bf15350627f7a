/**
 * `npm run admin -- <command>`: operator commands run on the machine, against the configured
 * database (DATABASE_URL) or the embedded one — beside a running server, or starting it for
 * the command when none runs.
 *
 *   reset-password <email>   sets a new generated password for an admin, printed once
 */
import { EMBEDDED_DATABASE, openDatabaseUrl } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import {
  createDatabase,
  runningEmbeddedUrl,
  withDatabaseName,
} from '../platform/database/index.js';
import { AppError } from '../platform/errors.js';
import { createLogger } from '../platform/logger.js';
import { resetAdminPassword } from '../modules/auth/index.js';

const USAGE = 'usage: npm run admin -- reset-password <email>';

async function openDatabase(config: ReturnType<typeof loadConfig>) {
  const logger = createLogger('warn');
  const running = config.database.url ? null : await runningEmbeddedUrl(config.dataDir);
  const { url, embedded } = running
    ? { url: withDatabaseName(running, EMBEDDED_DATABASE), embedded: undefined }
    : await openDatabaseUrl(config, logger);
  const database = createDatabase({ url, poolSize: 1, logger });
  return {
    db: database.db,
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}

async function main(args: string[]) {
  const [command, email] = args;
  if (command !== 'reset-password' || !email) {
    console.error(USAGE);
    return 2;
  }
  const database = await openDatabase(loadConfig());
  try {
    const result = await resetAdminPassword({ db: database.db, email });
    process.stdout.write(`New password for ${result.email} (shown once): ${result.password}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppError || error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  },
);
