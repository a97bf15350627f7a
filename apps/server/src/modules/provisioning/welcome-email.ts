/**
 * The welcome email of a new store: HTML (inline styles, as mail clients need) and plain
 * text with the same content. Every value is escaped; no password is ever part of it — the
 * owner chooses one through the one-time link.
 */
import { escapeHtml } from '../../platform/html.js';
import { EMAIL_BUTTON_STYLE, emailHtml, subjectLine } from '../email/index.js';

export function renderWelcomeEmail(input: {
  storeName: string;
  ownerName: string;
  dashboardUrl: string;
  websiteUrl: string;
  setPasswordUrl: string;
  expiresAt: Date;
}): { subject: string; text: string; html: string } {
  const expires = input.expiresAt.toUTCString();
  const subject = subjectLine(`Your store ${input.storeName} is live on Orbit360`);
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
    website: escapeHtml(input.websiteUrl),
    dashboard: escapeHtml(input.dashboardUrl),
    setPassword: escapeHtml(input.setPasswordUrl),
    expires: escapeHtml(expires),
  };
  const html = emailHtml({
    subject,
    heading: `${input.storeName} is live`,
    bodyHtml: `<p>Hello ${e.owner},</p>
<p>Your store is ready. Here is where to find it:</p>
<ul>
<li>Website: <a href="${e.website}">${e.website}</a></li>
<li>Dashboard: <a href="${e.dashboard}">${e.dashboard}</a></li>
</ul>
<p>To sign in, first choose your password:</p>
<p><a href="${e.setPassword}" style="${EMAIL_BUTTON_STYLE}">Set your password</a></p>
<p style="font-size:13px;color:#6b7280">The link works once and expires on ${e.expires}. If the button does not work, paste this address into your browser:<br>${e.setPassword}</p>
<p style="font-size:13px;color:#6b7280">If you did not expect this email, you can ignore it.</p>`,
  });
  return { subject, text, html };
}
