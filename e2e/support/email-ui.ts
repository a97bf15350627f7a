/** The admin panel's email log (apps/admin/src/routes/emails/list). */
import type { Page } from 'playwright-core';
import { mailboxLink } from './api.js';
import type { Platform } from './platform.js';

/** The set-password link of the welcome email sent to `to`. */
export async function openWelcomeEmail(platform: Platform, page: Page, to: string) {
  return openLatestEmailLink(platform, page, to, /is live on Orbit360/);
}

/**
 * Opens the email log, filters by recipient and selects the newest email whose row matches
 * `subject`: its preview shows the one-time link masked. Returns the link from the
 * recipient's mailbox — the only place it exists in clear.
 */
export async function openLatestEmailLink(
  platform: Platform,
  page: Page,
  to: string,
  subject: RegExp,
) {
  await page.getByRole('link', { name: 'Email log' }).click();
  await page.waitForURL(/\/emails/);
  await page.getByLabel('Filter by recipient').fill(to);
  const row = page
    .locator(`[data-testid="email-row"][data-email-to="${to}"]`)
    .filter({ hasText: subject })
    .first();
  await row.waitFor();
  await row.click();
  const preview = page.getByTestId('email-preview');
  await preview.getByTestId('email-html').waitFor();
  const link = preview.getByTestId('set-password-link').first();
  await link.waitFor();
  const shown = (await link.getAttribute('href')) ?? '';
  if (!shown.endsWith('token=[hidden]'))
    throw new Error(`the email log shows a live link: ${shown}`);
  return mailboxLink(platform, to, subject);
}
