import { randomUUID } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { PasswordResetRequestBody, PasswordResetRequestResponse } from '@orbit360/contracts';
import type { AuthDeps } from './auth.deps.js';
import { escapeHtml } from '../../platform/html.js';
import { enqueueJob, type JobHandler } from '../../platform/queue.js';
import { EMAIL_BUTTON_STYLE, emailHtml, enqueueEmails, subjectLine } from '../email/index.js';
import { merchants } from '../merchants/index.js';
import { merchantAccounts, passwordTokens } from './merchant-accounts.table.js';
import { replacePasswordToken, setPasswordLinkTemplate } from './password-tokens.js';

/** How long a password-reset link stays valid. */
const RESET_PASSWORD_TOKEN_TTL_MS = 60 * 60 * 1000;
/** At most one reset email per account in this window: nobody floods an inbox through us. */
const RESET_RESEND_INTERVAL_SECONDS = 60;

function renderPasswordResetEmail(input: {
  storeName: string;
  ownerName: string;
  resetUrl: string;
  expiresAt: Date;
}): { subject: string; text: string; html: string } {
  const expires = input.expiresAt.toUTCString();
  const subject = subjectLine(`Choose a new password for ${input.storeName}`);
  const text = [
    `Hello ${input.ownerName},`,
    '',
    `Someone asked to choose a new password for your ${input.storeName} dashboard.`,
    'If it was you, use this one-time link:',
    input.resetUrl,
    '',
    `The link works once and expires on ${expires}.`,
    'If it was not you, ignore this email: your password stays as it is.',
    '',
    '— The Orbit360 team',
  ].join('\n');
  const link = escapeHtml(input.resetUrl);
  const html = emailHtml({
    subject,
    heading: 'Choose a new password',
    bodyHtml: `<p>Hello ${escapeHtml(input.ownerName)},</p>
<p>Someone asked to choose a new password for your ${escapeHtml(input.storeName)} dashboard. If it was you:</p>
<p><a href="${link}" style="${EMAIL_BUTTON_STYLE}">Choose a new password</a></p>
<p style="font-size:13px;color:#6b7280">The link works once and expires on ${escapeHtml(expires)}. If the button does not work, paste this address into your browser:<br>${link}</p>
<p style="font-size:13px;color:#6b7280">If it was not you, ignore this email: your password stays as it is.</p>`,
  });
  return { subject, text, html };
}

export const PASSWORD_RESET_TASK = 'auth.password_reset';

/**
 * "Forgot your password?" (and "my welcome link expired"). The request only queues the work
 * — one statement, whatever the address — so neither the answer nor its timing tells
 * whether an account exists. Repeated requests for one address while it waits are one job.
 */
export async function requestMerchantPasswordReset(options: {
  ctx: Pick<AuthDeps, 'db'>;
  input: PasswordResetRequestBody;
}): Promise<PasswordResetRequestResponse> {
  const { ctx, input } = options;
  const email = input.email.toLowerCase();
  await enqueueJob(ctx.db, {
    task: PASSWORD_RESET_TASK,
    payload: { email },
    jobKey: `password-reset:${email}`,
  });
  return { accepted: true };
}

/**
 * The `auth.password_reset` job: emails the account of that address a one-time link to
 * choose a new password, through the outbox like every email. A new link supersedes the
 * account's unused ones; a suspended store gets none; one email per account per minute.
 */
export function createPasswordResetHandler(
  ctx: Pick<AuthDeps, 'db' | 'config' | 'secrets'>,
): JobHandler {
  return async (payload) => {
    const email = (payload as { email?: unknown }).email;
    if (typeof email !== 'string') return;
    await ctx.db.transaction(async (tx) => {
      // The account row is locked: concurrent requests for one address issue one link.
      const [row] = await tx
        .select({
          account: merchantAccounts,
          merchantStatus: merchants.status,
          storeName: merchants.storeName,
        })
        .from(merchantAccounts)
        .innerJoin(merchants, eq(merchants.id, merchantAccounts.merchantId))
        .where(eq(sql`lower(${merchantAccounts.email})`, email))
        .for('update', { of: merchantAccounts });
      if (!row || row.merchantStatus === 'suspended') return;
      const { account } = row;
      const [recent] = await tx
        .select({ id: passwordTokens.id })
        .from(passwordTokens)
        .where(
          and(
            eq(passwordTokens.accountId, account.id),
            eq(passwordTokens.purpose, 'reset_password'),
            gt(
              passwordTokens.createdAt,
              sql`now() - make_interval(secs => ${RESET_RESEND_INTERVAL_SECONDS})`,
            ),
          ),
        )
        .limit(1);
      if (recent) return;
      const issued = await replacePasswordToken(tx, {
        key: ctx.secrets.links,
        accountId: account.id,
        purpose: 'reset_password',
        ttlMs: RESET_PASSWORD_TOKEN_TTL_MS,
      });
      await enqueueEmails(tx, [
        {
          kind: 'password_reset',
          messageId: `<password-reset-${randomUUID()}@orbit360>`,
          tenantId: account.tenantId,
          to: account.email,
          tokenRef: issued.id,
          ...renderPasswordResetEmail({
            storeName: row.storeName,
            ownerName: account.name,
            resetUrl: setPasswordLinkTemplate(ctx.config.platform.dashboardUrl),
            expiresAt: issued.expiresAt,
          }),
        },
      ]);
    });
  };
}
