import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { withDatabaseName } from '../../platform/database/index.js';
import { auditLog } from '../audit/index.js';
import { admins, ensureBootstrapAdmin, verifyPassword } from './index.js';
import { setupTestDatabase } from '../../../test/helpers.js';
import { createSessionService, createTokenService } from '../sessions/index.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

describe('npm run admin -- reset-password', () => {
  const database = setupTestDatabase();

  async function admin(...args: string[]) {
    const name = (await database.pool.query<{ db: string }>('select current_database() as db'))
      .rows[0]!.db;
    try {
      const { stdout, stderr } = await run('npm', ['run', '--silent', 'admin', '--', ...args], {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: withDatabaseName(inject('postgresUrl'), name),
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('sets a new generated password, prints it once and audits it', async () => {
    await ensureBootstrapAdmin({
      db: database.db,
      email: 'owner@orbit360.test',
      password: 'old-password-123',
    });

    const [before] = await database.db
      .select()
      .from(admins)
      .where(eq(admins.email, 'owner@orbit360.test'));
    const sessions = createSessionService({
      db: database.db,
      tokens: createTokenService({ secret: 'x'.repeat(32), adminTtlMs: 60_000, merchantTtlMs: 1 }),
      isStreamLive: () => false,
    });
    const token = await sessions.startAdmin({
      id: before!.id,
      email: before!.email,
      role: before!.role,
    });
    await expect(sessions.authenticate(token)).resolves.toMatchObject({ id: before!.id });

    const result = await admin('reset-password', 'Owner@orbit360.test');
    expect(result.code).toBe(0);
    // Whoever held the old password is signed out.
    await expect(sessions.authenticate(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const password = /\(shown once\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[\w-]{16}$/);

    const [row] = await database.db
      .select()
      .from(admins)
      .where(eq(admins.email, 'owner@orbit360.test'));
    expect(await verifyPassword(row!.passwordHash, password!)).toBe(true);
    expect(await verifyPassword(row!.passwordHash, 'old-password-123')).toBe(false);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.password_reset'), eq(auditLog.targetId, row!.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(password);
  }, 60_000);

  it('answers an unknown email and a wrong command with one clear line', async () => {
    const unknown = await admin('reset-password', 'nobody@orbit360.test');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('No admin has the email nobody@orbit360.test');

    const usage = await admin('drop-everything');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run admin -- reset-password <email>');
  }, 60_000);
});
