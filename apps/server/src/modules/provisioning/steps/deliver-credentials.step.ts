import { createPasswordTokens, setPasswordLinkTemplate } from '../../auth/index.js';
import { enqueueEmails } from '../../email/index.js';
import type { Tx } from '../../../platform/database/index.js';
import { renderWelcomeEmail } from '../welcome-email.js';
import { defineStep } from './step.js';

/** The welcome email's Message-ID: one per provisioning, whatever happens to its delivery. */
export const welcomeMessageId = (provisioningId: string) =>
  `<provisioning-${provisioningId}@orbit360>`;

/**
 * Credential delivery (95%): a one-time set-password token (only its hash is stored; 72 h;
 * single use; the outbox holds its id, the sender derives the token) and the welcome email — HTML and text, dashboard URL, website URL and the
 * set-password link, never a password — written to the outbox in this step's transaction.
 * The email job delivers it; an SMTP outage delays the email, not the store.
 */
export const deliverCredentialsStep = defineStep({
  key: 'credentials',
  async work(step, runs) {
    const { ctx } = step;
    const tx = step.db as Tx;
    const tenantIds = runs.map(({ outputs }) => outputs.workspace.tenantId);
    {
      const tokens = await createPasswordTokens(tx, {
        key: ctx.secrets.links,
        tokens: runs.map(({ outputs }) => ({ accountId: outputs.dashboard.ownerAccountId })),
      });
      const emails = await enqueueEmails(
        tx,
        runs.map(({ run, outputs, owner }, i) => ({
          kind: 'welcome',
          messageId: welcomeMessageId(run.id),
          tenantId: tenantIds[i]!,
          to: owner.email,
          tokenRef: tokens[i]!.id,
          ...renderWelcomeEmail({
            storeName: run.storeName,
            ownerName: owner.name,
            dashboardUrl: outputs.dashboard.dashboardUrl,
            websiteUrl: outputs.website.websiteUrl,
            setPasswordUrl: setPasswordLinkTemplate(ctx.config.platform.dashboardUrl),
            expiresAt: tokens[i]!.expiresAt,
          }),
        })),
      );
      return emails.map((email) => ({ output: { emailId: email.id } }));
    }
  },
});
