/**
 * The password rules the API enforces (apps/server/src/modules/auth/passwords.ts), mirrored
 * so the form can guide while typing. The server stays the authority: its 400 is shown too.
 */
export interface PasswordRule {
  id: string;
  label: string;
  test(password: string): boolean;
}

export const PASSWORD_RULES: PasswordRule[] = [
  { id: 'length', label: 'At least 10 characters', test: (p) => p.length >= 10 },
  { id: 'letters', label: 'Contains a letter', test: (p) => /[a-zA-Z]/.test(p) },
  { id: 'digits', label: 'Contains a digit', test: (p) => /[0-9]/.test(p) },
];

export const MAX_PASSWORD_LENGTH = 256;

/** The first unmet rule as a sentence for the field, or null when the password is acceptable. */
export function passwordProblem(password: string): string | null {
  if (!password) return 'Choose a password';
  if (password.length > MAX_PASSWORD_LENGTH) return 'Use at most 256 characters';
  const unmet = PASSWORD_RULES.filter((rule) => !rule.test(password));
  if (unmet.length === 0) return null;
  return `Password is too weak: ${unmet.map((r) => r.label.toLowerCase()).join(', ')}`;
}
