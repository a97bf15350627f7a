/**
 * The welcome email of a new store: HTML (inline styles, as mail clients need) and plain
 * text with the same content. Every value is escaped; no password is ever part of it — the
 * owner chooses one through the one-time link.
 */
const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export function renderWelcomeEmail(input: {
  storeName: string;
  ownerName: string;
  dashboardUrl: string;
  websiteUrl: string;
  setPasswordUrl: string;
  expiresAt: Date;
}): { subject: string; text: string; html: string } {
  const expires = input.expiresAt.toUTCString();
  const subject = `Your store ${input.storeName.replace(/[\r\n]+/g, ' ')} is live on Orbit360`;
  const text = [
    `Hello ${input.ownerName},`,
    '',
    `${input.storeName} is live. Welcome to Orbit360!`,
    '',
    `Your website:   ${input.websiteUrl}`,
    `Your dashboard: ${input.dashboardUrl}`,
    '',
    'To sign in, first choose your password with this one-time link:',
    input.setPasswordUrl,
    '',
    `The link works once and expires on ${expires}.`,
    'If you did not expect this email, you can ignore it.',
    '',
    '— The Orbit360 team',
  ].join('\n');

  const e = {
    owner: escapeHtml(input.ownerName),
    store: escapeHtml(input.storeName),
    website: escapeHtml(input.websiteUrl),
    dashboard: escapeHtml(input.dashboardUrl),
    setPassword: escapeHtml(input.setPasswordUrl),
    expires: escapeHtml(expires),
  };
  const button =
    'display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;' +
    'padding:12px 20px;border-radius:8px;font-weight:600';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f4f4f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2937">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:12px;padding:32px">
<tr><td>
<p style="margin:0 0 8px;font-size:14px;color:#6b7280">Orbit360</p>
<h1 style="margin:0 0 16px;font-size:22px">${e.store} is live</h1>
<p>Hello ${e.owner},</p>
<p>Your store is ready. Here is where to find it:</p>
<ul>
<li>Website: <a href="${e.website}">${e.website}</a></li>
<li>Dashboard: <a href="${e.dashboard}">${e.dashboard}</a></li>
</ul>
<p>To sign in, first choose your password:</p>
<p><a href="${e.setPassword}" style="${button}">Set your password</a></p>
<p style="font-size:13px;color:#6b7280">The link works once and expires on ${e.expires}. If the button does not work, paste this address into your browser:<br>${e.setPassword}</p>
<p style="font-size:13px;color:#6b7280">If you did not expect this email, you can ignore it.</p>
</td></tr></table>
</td></tr></table>
</body></html>`;
  return { subject, text, html };
}
