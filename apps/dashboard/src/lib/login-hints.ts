/**
 * Conveniences for the login form: the email last used on this device for a merchant, so a
 * dashboard link (`?merchant=<id>`) can pre-fill it. A hint only — it never grants access.
 */
const KEY = 'orbit360.dashboard.login-hints';

type Hints = Record<string, string>;

function read(): Hints {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Hints) : {};
  } catch {
    return {};
  }
}

export function rememberEmail(merchantKeys: (string | null | undefined)[], email: string) {
  const hints = read();
  for (const key of merchantKeys) if (key) hints[key] = email;
  hints['last'] = email;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(hints));
  } catch {
    // Storage full or disabled: the hint is optional.
  }
}

export function recallEmail(merchantKey: string | null): string {
  const hints = read();
  return (merchantKey ? hints[merchantKey] : undefined) ?? '';
}
