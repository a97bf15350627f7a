/**
 * Issue 6, scenario 2 — a provisioning step fails: the platform runs with
 * PROVISIONING_FAULTS=website:fail:3@Faulty (honoured outside production only), so the website
 * step of a store named "…Faulty…" fails all three automatic attempts. The admin sees the
 * failure with a sanitized error, finds the merchant under Failed, retries, and the
 * provisioning resumes at the failed step and completes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signupMerchant, unique } from '../support/api.js';
import { adminSignIn, openActivation } from '../support/admin-ui.js';
import { captureFailure, newActor, type Actor } from '../support/browser.js';
import { ctx } from '../support/context.js';

/** What the injected error contains and must never reach a screen. */
const LEAKS = [/ECONNREFUSED/, /10\.20\.30\.40/, /db\.internal/, /sk_live/, /select \*/i];

test(
  'a failed step shows its error and Retry completes the provisioning',
  { timeout: 120_000 },
  async () => {
    const { platform, browser } = ctx();
    const id = unique();
    const storeName = `${platform.faultyMarker} Fern ${id}`;
    await signupMerchant(platform, {
      storeName,
      ownerName: 'Fern Ito',
      email: `fern-${id}@example.com`,
    });

    let admin: Actor | undefined;
    try {
      admin = await newActor(browser, '2-failure-retry');
      const { page } = admin;
      await adminSignIn(page, platform);
      const modal = await openActivation(page, storeName, { theme: 'modern', plan: 'starter' });
      await modal.getByTestId('activation-submit').click();

      // The website step fails three times; the panel shows the failure, not a stack trace.
      const status = page.getByTestId('provisioning-status');
      await status.and(page.locator('[data-status="failed"]')).waitFor({ timeout: 30_000 });
      const website = page.locator('[data-testid="provisioning-step"][data-step="website"]');
      assert.equal(await website.getAttribute('data-status'), 'failed');
      assert.match(await website.getByTestId('step-attempts').innerText(), /3/);
      for (const key of ['workspace', 'dashboard']) {
        const step = page.locator(`[data-testid="provisioning-step"][data-step="${key}"]`);
        assert.equal(await step.getAttribute('data-status'), 'completed', `${key} stays completed`);
      }
      const error = page.getByTestId('provisioning-error');
      await error.waitFor();
      const shown = await status.innerText();
      for (const leak of LEAKS) assert.doesNotMatch(shown, leak);
      assert.notEqual((await page.getByTestId('provisioning-percent').innerText()).trim(), '100%');
      await admin.screenshot('provisioning-failed');

      // It is listed under Failed.
      await page.keyboard.press('Escape');
      await page.getByTestId('tab-failed').click();
      const row = page.locator(`[data-testid="merchant-row"][data-store-name="${storeName}"]`);
      await row.waitFor();
      await row
        .getByTestId('provisioning-compact')
        .filter({ visible: true })
        .and(page.locator('[data-status="failed"]'))
        .waitFor();
      await admin.screenshot('merchants-failed-tab');

      // Retry from the merchant's page resumes at the failed step and completes.
      await row.getByRole('link', { name: storeName, exact: true }).click();
      await page.waitForURL(/\/merchants\/[0-9a-f-]+$/);
      const detailStatus = page.getByTestId('provisioning-status');
      await detailStatus.and(page.locator('[data-status="failed"]')).waitFor();
      await admin.screenshot('merchant-detail-failed');
      await page.getByTestId('provisioning-retry').click();
      await detailStatus
        .and(page.locator('[data-status="completed"]'))
        .waitFor({ timeout: 30_000 });
      assert.equal((await page.getByTestId('provisioning-percent').innerText()).trim(), '100%');
      const retried = page.locator('[data-testid="provisioning-step"][data-step="website"]');
      assert.equal(await retried.getAttribute('data-status'), 'completed');
      await page.getByTestId('website-url').waitFor();
      await admin.screenshot('merchant-detail-retried-complete');
      admin.assertNoConsoleErrors();
    } catch (error) {
      await captureFailure(admin, '2-failure-retry');
      throw error;
    } finally {
      await admin?.close();
    }
  },
);
