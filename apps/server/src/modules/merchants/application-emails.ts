/**
 * The two emails an application can cause: the acknowledgement of a new one, and the note to
 * an address that already applied or already owns a store (the public answer is the same for
 * both, so only the owner of the address learns which it was). Every value is escaped.
 */
import type { MerchantStatus } from '@orbit360/contracts';
import { escapeHtml } from '../../platform/html.js';
import { EMAIL_BUTTON_STYLE, emailHtml, subjectLine } from '../email/index.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const SIGN_OFF = '— The Orbit360 team';
const NOT_YOU = 'If you did not apply, you can ignore this email: nothing happens without you.';

export function renderApplicationReceivedEmail(input: {
  storeName: string;
  ownerName: string;
}): RenderedEmail {
  const subject = subjectLine(`We received your application for ${input.storeName}`);
  const text = [
    `Hello ${input.ownerName},`,
    '',
    `Thank you for applying to open ${input.storeName} on Orbit360.`,
    'Our team reviews every application. When your store is ready, we will email you a link',
    'to your dashboard and your new website. There is nothing else you need to do now.',
    '',
    NOT_YOU,
    '',
    SIGN_OFF,
  ].join('\n');
  const html = emailHtml({
    subject,
    heading: 'We received your application',
    bodyHtml: `<p>Hello ${escapeHtml(input.ownerName)},</p>
<p>Thank you for applying to open <strong>${escapeHtml(input.storeName)}</strong> on Orbit360.</p>
<p>Our team reviews every application. When your store is ready, we will email you a link to your dashboard and your new website. There is nothing else you need to do now.</p>
<p style="font-size:13px;color:#6b7280">${escapeHtml(NOT_YOU)}</p>`,
  });
  return { subject, text, html };
}

/** An address applied again: remind it of the application or store it already has. */
export function renderRepeatedApplicationEmail(input: {
  storeName: string;
  ownerName: string;
  status: MerchantStatus;
  appliedAt: Date;
  dashboardUrl: string;
}): RenderedEmail {
  const hasStore = input.status === 'active' || input.status === 'suspended';
  if (!hasStore) {
    const applied = input.appliedAt.toUTCString();
    const subject = subjectLine(`You have already applied for ${input.storeName}`);
    const text = [
      `Hello ${input.ownerName},`,
      '',
      `We received a new application from this address, but you already applied for`,
      `${input.storeName} on ${applied}. That application is being looked after: when your`,
      'store is ready, we will email you a link to your dashboard. No need to apply again.',
      '',
      NOT_YOU,
      '',
      SIGN_OFF,
    ].join('\n');
    const html = emailHtml({
      subject,
      heading: 'You have already applied',
      bodyHtml: `<p>Hello ${escapeHtml(input.ownerName)},</p>
<p>We received a new application from this address, but you already applied for <strong>${escapeHtml(input.storeName)}</strong> on ${escapeHtml(applied)}.</p>
<p>That application is being looked after: when your store is ready, we will email you a link to your dashboard. No need to apply again.</p>
<p style="font-size:13px;color:#6b7280">${escapeHtml(NOT_YOU)}</p>`,
    });
    return { subject, text, html };
  }

  const signIn = `${input.dashboardUrl}/login`;
  const reset = `${input.dashboardUrl}/forgot-password`;
  const subject = subjectLine(`You already have a store on Orbit360: ${input.storeName}`);
  const text = [
    `Hello ${input.ownerName},`,
    '',
    `We received a new application from this address, but it already owns ${input.storeName}.`,
    `Sign in to your dashboard here: ${signIn}`,
    `Forgot your password? Choose a new one here: ${reset}`,
    '',
    NOT_YOU,
    '',
    SIGN_OFF,
  ].join('\n');
  const e = { signIn: escapeHtml(signIn), reset: escapeHtml(reset) };
  const html = emailHtml({
    subject,
    heading: 'You already have a store',
    bodyHtml: `<p>Hello ${escapeHtml(input.ownerName)},</p>
<p>We received a new application from this address, but it already owns <strong>${escapeHtml(input.storeName)}</strong>. Sign in to manage it:</p>
<p><a href="${e.signIn}" style="${EMAIL_BUTTON_STYLE}">Sign in to your dashboard</a></p>
<p style="font-size:13px;color:#6b7280">Forgot your password? <a href="${e.reset}">Choose a new one</a>. If the button does not work, paste this address into your browser:<br>${e.signIn}</p>
<p style="font-size:13px;color:#6b7280">${escapeHtml(NOT_YOU)}</p>`,
  });
  return { subject, text, html };
}
