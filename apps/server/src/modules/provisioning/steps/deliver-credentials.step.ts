import { createPasswordToken } from '../../auth/index.js';
import { enqueueEmail } from '../../email/index.js';
import { outputOf } from '../provisioning-state.js';
import { completeStep } from '../transitions.js';
import { renderWelcomeEmail } from '../welcome-email.js';
import type { Step } from './step.js';

/** The welcome email's Message-ID: one per provisioning, whatever happens to its delivery. */
export const welcomeMessageId = (provisioningId: string) =>
  `<provisioning-${provisioningId}@orbit360>`;

/**
 * Credential delivery (95%): a one-time set-password token (only its hash is stored; 72 h;
 * single use) and the welcome email — HTML and text, dashboard URL, website URL and the
 * set-password link, never a password — written to the outbox in this step's transaction.
 * The email job delivers it; an SMTP outage delays the email, not the store.
 */
export const deliverCredentialsStep: Step = {
  key: 'credentials',
  async run({ ctx, faults, run, steps, owner }) {
    const tenantId = outputOf(steps, 'workspace')!.tenantId!;
    const dashboard = outputOf(steps, 'dashboard')!;
    const website = outputOf(steps, 'website')!;
    return ctx.db.transaction(async (tx) => {
      const { token, expiresAt } = await createPasswordToken(tx, {
        accountId: dashboard.ownerAccountId!,
      });
      const setPasswordUrl = `${ctx.config.platform.dashboardUrl}/set-password?token=${token}`;
      const email = renderWelcomeEmail({
        storeName: run.storeName,
        ownerName: owner.name,
        dashboardUrl: dashboard.dashboardUrl!,
        websiteUrl: website.websiteUrl!,
        setPasswordUrl,
        expiresAt,
      });
      const { id: emailId } = await enqueueEmail(tx, {
        kind: 'welcome',
        messageId: welcomeMessageId(run.id),
        tenantId,
        to: owner.email,
        ...email,
      });
      await faults.hit('credentials', run);
      const output = { emailId };
      await completeStep(tx, { run, key: 'credentials', tenantId, output });
      return output;
    });
  },
};
