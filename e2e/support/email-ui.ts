/** The admin panel's email log (apps/admin/src/routes/emails/list). */
import type { Page } from 'playwright-core';

/**
 * Opens the email log, filters by recipient, selects the welcome email and returns the
 * set-password link found in its rendered HTML.
 */
export async function openWelcomeEmail(page: Page, to: string): Promise<string> {
  await page.getByRole('link', { name: 'Email log' }).click();
  await page.waitForURL(/\/emails/);
  await page.getByLabel('Filter by recipient').fill(to);
  const row = page.locator(`[data-testid="email-row"][data-email-to="${to}"]`).first();
  await row.waitFor();
  await row.click();
  const preview = page.getByTestId('email-preview');
  await preview.getByTestId('email-html').waitFor();
  const link = preview.getByTestId('set-password-link').first();
  await link.waitFor();
  return (await link.getAttribute('href')) ?? '';
}
