/** The admin panel's email log (apps/admin/src/routes/emails/list). */
import type { Page } from 'playwright-core';

/** The set-password link of the welcome email sent to `to`. */
export async function openWelcomeEmail(page: Page, to: string): Promise<string> {
  return openLatestEmailLink(page, to, /is live on Orbit360/);
}

/**
 * Opens the email log, filters by recipient, selects the newest email whose row matches
 * `subject` and returns the one-time password link of its rendered HTML.
 */
export async function openLatestEmailLink(page: Page, to: string, subject: RegExp) {
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
  return (await link.getAttribute('href')) ?? '';
}
