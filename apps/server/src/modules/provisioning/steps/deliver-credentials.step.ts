import { createPasswordTokens, setPasswordLinkTemplate } from '../../auth/index.js';
import { enqueueEmails } from '../../email/index.js';
import { outputOf } from '../provisioning-state.js';
import { completeSteps, completionsOf } from '../transitions.js';
import { renderWelcomeEmail } from '../welcome-email.js';
import { hitFaults, type Step } from './step.js';

/** The welcome email's Message-ID: one per provisioning, whatever happens to its delivery. */
export const welcomeMessageId = (provisioningId: string) =>
  `<provisioning-${provisioningId}@orbit360>`;

/**
 * Credential delivery (95%): a one-time set-password token (only its hash is stored; 72 h;
 * single use; the outbox holds its id, the sender derives the token) and the welcome email — HTML and text, dashboard URL, website URL and the
 * set-password link, never a password — written to the outbox in this step's transaction.
 * The email job delivers it; an SMTP outage delays the email, not the store.
 */
export const deliverCredentialsStep: Step = {
  key: 'credentials',
  async run(deps, runs) {
    const { ctx } = deps;
    const tenantIds = runs.map(({ steps }) => outputOf(steps, 'workspace')!.tenantId!);
    return ctx.db.transaction(async (tx) => {
      const tokens = await createPasswordTokens(tx, {
        key: ctx.secrets.links,
        tokens: runs.map(({ steps }) => ({
          accountId: outputOf(steps, 'dashboard')!.ownerAccountId!,
        })),
      });
      const emails = await enqueueEmails(
        tx,
        runs.map(({ run, steps, owner }, i) => ({
          kind: 'welcome',
          messageId: welcomeMessageId(run.id),
          tenantId: tenantIds[i]!,
          to: owner.email,
          tokenRef: tokens[i]!.id,
          ...renderWelcomeEmail({
            storeName: run.storeName,
            ownerName: owner.name,
            dashboardUrl: outputOf(steps, 'dashboard')!.dashboardUrl!,
            websiteUrl: outputOf(steps, 'website')!.websiteUrl!,
            setPasswordUrl: setPasswordLinkTemplate(ctx.config.platform.dashboardUrl),
            expiresAt: tokens[i]!.expiresAt,
          }),
        })),
      );
      await hitFaults(deps, 'credentials', runs);
      const outputs = emails.map((email) => ({ emailId: email.id }));
      await completeSteps(tx, {
        key: 'credentials',
        completions: completionsOf(runs, tenantIds, outputs),
      });
      return outputs;
    });
  },
};
