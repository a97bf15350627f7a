/**
 * Issue 6, scenario 1 — the whole activation flow as people see it: a merchant applies through
 * the API; the admin finds it under Pending, activates it with the Classic theme and the
 * Professional plan and watches the live progress reach 100%; the website answers with the
 * store's name in the Classic theme; the welcome email's set-password link leads the merchant
 * into the dashboard, where the store is live; later, a forgotten password is replaced through
 * a link the merchant asks for.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signupMerchant, unique } from '../support/api.js';
import { adminSignIn, openActivation, recordProgress } from '../support/admin-ui.js';
import { captureFailure, newActor, type Actor } from '../support/browser.js';
import { ctx } from '../support/context.js';
import { merchantSignIn, merchantSignOut, setPassword } from '../support/dashboard-ui.js';
import { openLatestEmailLink, openWelcomeEmail } from '../support/email-ui.js';

const CLASSIC_PRIMARY = '#7c2d12';

test(
  'an admin activates a merchant who then signs in to a live store',
  { timeout: 120_000 },
  async (t) => {
    const { platform, browser } = ctx();
    const id = unique();
    const storeName = `Juniper Books ${id}`;
    const email = `juniper-${id}@example.com`;
    const password = `Juniper-pass-${id}-42`;
    const merchant = await signupMerchant(platform, { storeName, ownerName: 'June Park', email });
    assert.equal(merchant.status, 'pending');

    let admin: Actor | undefined;
    let owner: Actor | undefined;
    try {
      // The admin signs in and finds the application under Pending.
      admin = await newActor(browser, '1-activation');
      const { page } = admin;
      await page.goto(platform.adminUrl);
      await page.getByRole('heading', { name: /sign in/i }).waitFor();
      await admin.screenshot('admin-login');
      await adminSignIn(page, platform);
      await page.getByTestId('realtime-status').filter({ hasText: 'Live' }).waitFor();

      // Activation: Classic theme, Professional plan (marked popular).
      const modal = await openActivation(page, storeName, {
        theme: 'classic',
        plan: 'professional',
      });
      await modal.getByTestId('plan-card-professional').getByTestId('popular-badge').waitFor();
      await admin.screenshot('merchants-pending-and-activation-modal');
      const progress = await recordProgress(page);
      await modal.getByTestId('activation-submit').click();

      // Live progress to 100% with all six steps done.
      const status = page.getByTestId('provisioning-status');
      await status.and(page.locator('[data-status="completed"]')).waitFor({ timeout: 30_000 });
      assert.equal((await page.getByTestId('provisioning-percent').innerText()).trim(), '100%');
      const steps = page.getByTestId('provisioning-step');
      assert.equal(await steps.count(), 6);
      for (let i = 0; i < 6; i += 1) {
        assert.equal(await steps.nth(i).getAttribute('data-status'), 'completed');
      }
      const seen = await progress();
      t.diagnostic(`progress shown live: ${seen.join(' → ')}`);
      assert.equal(seen.at(-1), 100, `progress values shown: ${seen.join(', ')}`);
      assert.ok(
        seen.every((v, i) => i === 0 || v >= seen[i - 1]!),
        `progress went back: ${seen}`,
      );
      await admin.screenshot('provisioning-complete');

      // The website URL opens the store, named, in the Classic theme.
      const websiteUrl = await page.getByTestId('website-url').getAttribute('href');
      assert.ok(websiteUrl, 'the completed status links the website');
      const site = await admin.context.newPage();
      const response = await site.goto(websiteUrl);
      assert.equal(response?.status(), 200);
      assert.match(await site.title(), new RegExp(storeName));
      await site.getByText(storeName).first().waitFor();
      const primary = (await site.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim()",
      )) as string;
      assert.equal(primary.toLowerCase(), CLASSIC_PRIMARY);
      await admin.screenshot('storefront-classic', site);
      await site.close();

      // The welcome email is in the admin's email log (its one-time link masked); the link
      // itself is in the merchant's mailbox.
      await page.keyboard.press('Escape');
      const setPasswordUrl = await openWelcomeEmail(platform, page, email);
      await admin.screenshot('email-log-welcome-email');
      assert.match(setPasswordUrl, new RegExp(`^${platform.dashboardUrl}/set-password\\?token=`));
      admin.assertNoConsoleErrors();

      // The merchant follows the link in their own browser, sets a password and lands live.
      owner = await newActor(browser, '1-activation-merchant');
      const dash = owner.page;
      await dash.goto(setPasswordUrl);
      await dash.getByRole('heading', { name: 'Set your password' }).waitFor();
      await owner.screenshot('dashboard-set-password');
      await setPassword(dash, password);
      await dash.getByTestId('overview').waitFor();
      await dash.getByTestId('store-status').filter({ hasText: 'Live' }).waitFor();
      assert.equal(await dash.getByTestId('store-name').innerText(), storeName);
      assert.equal(await dash.getByTestId('stat-plan').innerText(), 'Professional');
      assert.equal(await dash.getByTestId('stat-theme').innerText(), 'Classic');
      assert.equal(
        await dash.getByRole('link', { name: 'Open website' }).getAttribute('href'),
        websiteUrl,
      );
      await dash.getByTestId('live-indicator').and(dash.locator('[data-status="live"]')).waitFor();
      await owner.screenshot('dashboard-overview-live');
      await dash.setViewportSize({ width: 390, height: 844 });
      await dash.getByRole('button', { name: 'Open navigation' }).waitFor();
      await owner.screenshot('dashboard-overview-mobile');
      await dash.setViewportSize({ width: 1366, height: 900 });

      // The session survives a reload; signing out and in again works with the new password.
      await dash.reload();
      await dash.getByTestId('store-name').waitFor();
      await merchantSignOut(dash);
      await owner.screenshot('dashboard-login');
      await merchantSignIn(dash, email, password);
      assert.equal(await dash.getByTestId('store-name').innerText(), storeName);
      await dash.getByTestId('store-status').filter({ hasText: 'Live' }).waitFor();

      // The link is single use: following it again is explained, not an error page.
      await merchantSignOut(dash);
      await dash.goto(setPasswordUrl);
      await setPassword(dash, `${password}-again`);
      await dash.getByRole('heading', { name: 'This link has already been used' }).waitFor();
      await owner.screenshot('dashboard-link-already-used');

      // A forgotten password: the merchant asks for a new link, which arrives by email.
      await dash.getByRole('link', { name: 'Email me a new link' }).click();
      await dash.getByRole('heading', { name: 'Reset your password' }).waitFor();
      await dash.getByLabel('Email').fill(email);
      await dash.getByRole('button', { name: 'Send me a link' }).click();
      await dash.getByTestId('reset-sent').waitFor();
      await owner.screenshot('dashboard-reset-link-sent');
      await page.reload(); // the email log shows what was written since it was loaded
      const resetUrl = await openLatestEmailLink(platform, page, email, /Choose a new password/);
      assert.notEqual(resetUrl, setPasswordUrl);
      await dash.goto(resetUrl);
      await setPassword(dash, `${password}-new`);
      await dash.getByTestId('overview').waitFor();
      await merchantSignOut(dash);
      await merchantSignIn(dash, email, `${password}-new`);
      // The refused set-password request is logged by Chromium as a failed resource load.
      owner.assertNoConsoleErrors([/status of 400/]);
    } catch (error) {
      await captureFailure(admin, '1-activation-admin');
      await captureFailure(owner, '1-activation-merchant');
      throw error;
    } finally {
      await admin?.close();
      await owner?.close();
    }
  },
);
