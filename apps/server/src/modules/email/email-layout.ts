/**
 * The platform's transactional email frame: HTML with inline styles (as mail clients need)
 * around a message's own content (values in it are escaped with platform/html's escapeHtml).
 */
import { escapeHtml } from '../../platform/html.js';

/** A subject line never carries a line break (header injection). */
export const subjectLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

/** Styles of the one call-to-action button of an email. */
export const EMAIL_BUTTON_STYLE =
  'display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;' +
  'padding:12px 20px;border-radius:8px;font-weight:600';

/** Wraps escaped `bodyHtml` under an escaped heading; `subject` becomes the title. */
export function emailHtml(input: { subject: string; heading: string; bodyHtml: string }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;background:#f4f4f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2937">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:12px;padding:32px">
<tr><td>
<p style="margin:0 0 8px;font-size:14px;color:#6b7280">Orbit360</p>
<h1 style="margin:0 0 16px;font-size:22px">${escapeHtml(input.heading)}</h1>
${input.bodyHtml}
</td></tr></table>
</td></tr></table>
</body></html>`;
}
