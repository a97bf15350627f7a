/**
 * Turns the API's answer to a bad set-password token into something a merchant can act on.
 * The server answers with its one error shape; the kind of problem is read from
 * `details.reason` when present, else from the code and message.
 */
import { isApiError } from '../../../lib/api-client.js';

export type TokenProblem = 'missing' | 'expired' | 'used' | 'invalid';

export function tokenProblemOf(error: unknown): TokenProblem | null {
  if (!isApiError(error)) return null;
  if (error.status === 0 || error.status >= 500 || error.status === 429) return null;
  // A weak password is about the password field, not the link.
  if (error.field('password')) return null;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  const text =
    `${typeof reason === 'string' ? reason : ''} ${error.code} ${error.message}`.toLowerCase();
  if (/expired/.test(text)) return 'expired';
  if (/used|already/.test(text)) return 'used';
  if (/token|link|invalid|not found/.test(text) || error.status === 404 || error.status === 410) {
    return 'invalid';
  }
  return null;
}

export const TOKEN_PROBLEM_TEXT: Record<TokenProblem, { title: string; body: string }> = {
  missing: {
    title: 'This link is incomplete',
    body: 'Open the “Set your password” button in your welcome email. If you copied the link, make sure you copied all of it.',
  },
  expired: {
    title: 'This link has expired',
    body: 'For your security, password links stop working after a while, or when a newer one is sent. Ask for a new link below: we will email it to you.',
  },
  used: {
    title: 'This link has already been used',
    body: 'A password was already set with this link. Sign in with it, or ask for a new link if you have forgotten it.',
  },
  invalid: {
    title: 'This link is not valid',
    body: 'We could not recognise this password link. Open it again from your welcome email, making sure you use the whole link.',
  },
};
