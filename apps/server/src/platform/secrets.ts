import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Returns the configured secret, or one generated on first start and kept in the data
 * directory (mode 0600) so sessions survive restarts.
 */
export async function resolveSecret(options: {
  configured?: string;
  dataDir: string;
  name: string;
}) {
  if (options.configured) return options.configured;
  const file = path.resolve(options.dataDir, `${options.name}.secret`);
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not created yet
  }
  await mkdir(options.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** A key for one purpose, derived from a boot secret (so one leaked use does not reveal another). */
export const deriveKey = (secret: string, purpose: string) =>
  createHmac('sha256', secret).update(`orbit360:${purpose}`).digest('base64url');
