import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.js';
import { passwordGuessability } from './password-strength.js';

/** OWASP password-storage parameters for argon2id: m=19 MiB, t=2, p=1. */
const ARGON2_OPTIONS = {
  algorithm: 2 /* Argon2id */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** A password generated for someone to be shown once (first admin, command-line reset). */
export const generatePassword = () => randomBytes(12).toString('base64url');

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the account does not exist (equal timing). */
let dummyHash: Promise<string> | undefined;
export const getDummyHash = () => (dummyHash ??= hashPassword(crypto.randomUUID()));

/**
 * Weak-password rule shared by every place a password is chosen (merchant set-password and
 * reset, admin creation, the bootstrap admin): length, letters and digits, then zxcvbn's
 * guessability with the account's own words (`userInputs`: email, names, store name) as
 * dictionary. Returns a reason to show the person choosing it, or null.
 */
export function passwordWeakness(
  password: string,
  userInputs: readonly (string | null | undefined)[] = [],
): string | null {
  if (password.length < 10) return 'must be at least 10 characters';
  if (password.length > 256) return 'must be at most 256 characters';
  if (!/[a-zA-Z]/.test(password) || !/[0-9]/.test(password)) {
    return 'must contain letters and digits';
  }
  return passwordGuessability(password, userInputs);
}

/**
 * Throws 400 VALIDATION_FAILED naming `field` when the password is weak; the message reads
 * "Password is too easy to guess: This is a commonly used password. Add more words…".
 */
export function assertStrongPassword(
  password: string,
  options: { field: string; userInputs?: readonly (string | null | undefined)[] },
) {
  const weakness = passwordWeakness(password, options.userInputs);
  if (weakness) {
    throw new AppError('VALIDATION_FAILED', `Password ${weakness}`, {
      fields: [{ field: options.field, message: weakness }],
    });
  }
}
