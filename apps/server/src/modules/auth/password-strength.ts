/**
 * The one password-strength rule (ADR 041): zxcvbn-ts with the common (breached-password)
 * and English dictionaries, plus the account's own words (email, names, store name). Server
 * side only — the dictionaries (≈ 1.5 MB) never reach the SPA bundles. Loaded on first use.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** zxcvbn score (0–4) a chosen password must reach: 3 = "safely unguessable" offline-slow. */
export const MIN_PASSWORD_SCORE = 3;
/** zxcvbn's matching grows fast with length; only this many leading characters are scored. */
export const STRENGTH_EVALUATED_LENGTH = 100;

/** Leet-speak variants tried per password (zxcvbn's default 100 costs seconds on long input). */
const L33T_MAX_SUBSTITUTIONS = 10;

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
    maxLength: STRENGTH_EVALUATED_LENGTH,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  }));

/** The words of an email, a name or a store name, as extra dictionary entries. */
function userWords(inputs: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const input of inputs) {
    if (!input) continue;
    const lower = input.toLowerCase();
    words.add(lower);
    const [local, domain] = lower.split('@');
    if (domain) words.add(local!).add(domain.split('.')[0]!);
    for (const word of lower.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) words.add(word);
    words.add(lower.replace(/[^\p{L}\p{N}]+/gu, ''));
  }
  words.delete('');
  return [...words];
}

/**
 * Why a password is too easy to guess (`is too easy to guess: ` + zxcvbn's warning and
 * suggestions, to follow the word "Password"),
 * or null when it scores at least MIN_PASSWORD_SCORE. `userInputs` are the account's own
 * words (email, name, store name): a password built from them counts as guessable.
 */
export function passwordGuessability(
  password: string,
  userInputs: readonly (string | null | undefined)[] = [],
): string | null {
  const result = zxcvbn().check(password.slice(0, STRENGTH_EVALUATED_LENGTH), [
    'orbit360',
    'orbit',
    ...userWords(userInputs),
  ]);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  const advice = [warning, ...suggestions].filter(Boolean);
  if (!suggestions.length) advice.push('Add another word or two. Uncommon words are better.');
  return `is too easy to guess: ${advice.join(' ')}`;
}
