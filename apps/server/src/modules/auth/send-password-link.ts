import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { PasswordLinkSentResponse } from '@orbit360/contracts';
import type { AuthDeps } from './auth.deps.js';
import { isUuid } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { escapeHtml } from '../../platform/html.js';
import { recordAudit } from '../audit/index.js';
import { EMAIL_BUTTON_STYLE, emailHtml, enqueueEmails, subjectLine } from '../email/index.js';
import { merchants } from '../merchants/index.js';
import { merchantAccounts } from './merchant-accounts.table.js';
import { replacePasswordToken, setPasswordLinkTemplate } from './password-tokens.js';

function renderPasswordLinkEmail(input: {
  storeName: string;
  ownerName: string;
  url: string;
  expiresAt: Date;
}) {
  const expires = input.expiresAt.toUTCString();
  const subject = subjectLine(`Your link to sign in to ${input.storeName}`);
  const text = [
    `Hello ${input.ownerName},`,
    '',
    `The Orbit360 team sent you a new link to choose the password of your ${input.storeName} dashboard:`,
    input.url,
    '',
    `The link works once and expires on ${expires}. Earlier links no longer work.`,
    '',
    '— The Orbit360 team',
  ].join('\n');
  const link = escapeHtml(input.url);
  const html = emailHtml({
    subject,
    heading: 'Choose your password',
    bodyHtml: `<p>Hello ${escapeHtml(input.ownerName)},</p>
<p>The Orbit360 team sent you a new link to choose the password of your ${escapeHtml(input.storeName)} dashboard.</p>
<p><a href="${link}" style="${EMAIL_BUTTON_STYLE}">Choose your password</a></p>
<p style="font-size:13px;color:#6b7280">The link works once and expires on ${escapeHtml(expires)}. Earlier links no longer work. If the button does not work, paste this address into your browser:<br>${link}</p>`,
  });
  return { subject, text, html };
}

/**
 * "Send a new set-password link" (admins with write access): when the welcome email was
 * rejected, its outcome is unknown, or email is not configured. The owner's unused links stop
 * working, a new one is emailed through the outbox (in development without SMTP, its link is
 * logged), and the action is audited. The link itself is never shown to the admin.
 */
export async function sendPasswordLink(options: {
  ctx: Pick<AuthDeps, 'db' | 'config' | 'secrets'>;
  input: { merchantId: string; actorId: string };
}): Promise<PasswordLinkSentResponse> {
  const { ctx, input } = options;
  if (!isUuid(input.merchantId)) throw AppError.notFound('Merchant');
  return ctx.db.transaction(async (tx) => {
    const [merchant] = await tx.select().from(merchants).where(eq(merchants.id, input.merchantId));
    if (!merchant) throw AppError.notFound('Merchant');
    if (merchant.status === 'suspended') {
      throw new AppError('CONFLICT', 'This merchant is suspended: reactivate it first', {
        status: merchant.status,
      });
    }
    // The owner row is locked: two admins clicking at once issue one live link each, in turn.
    const [owner] = merchant.tenantId
      ? await tx
          .select()
          .from(merchantAccounts)
          .where(
            and(
              eq(merchantAccounts.tenantId, merchant.tenantId),
              eq(merchantAccounts.role, 'owner'),
            ),
          )
          .for('update')
      : [];
    if (!owner) {
      throw new AppError('CONFLICT', 'This merchant has no dashboard account yet', {
        status: merchant.status,
      });
    }
    const issued = await replacePasswordToken(tx, {
      key: ctx.secrets.links,
      accountId: owner.id,
    });
    const [email] = await enqueueEmails(tx, [
      {
        kind: 'password_link',
        messageId: `<password-link-${randomUUID()}@orbit360>`,
        tenantId: owner.tenantId,
        to: owner.email,
        tokenRef: issued.id,
        ...renderPasswordLinkEmail({
          storeName: merchant.storeName,
          ownerName: owner.name,
          url: setPasswordLinkTemplate(ctx.config.platform.dashboardUrl),
          expiresAt: issued.expiresAt,
        }),
      },
    ]);
    await recordAudit(tx, {
      actor: { type: 'admin', id: input.actorId },
      action: 'merchant.password_link_sent',
      target: { type: 'merchant', id: merchant.id },
      tenantId: owner.tenantId,
      data: { emailId: email!.id, to: owner.email },
    });
    return { emailId: email!.id!, expiresAt: issued.expiresAt.toISOString() };
  });
}
