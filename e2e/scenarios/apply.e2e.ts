/**
 * Issue 12 — a merchant applies on a real page: a visitor opens the platform's landing page,
 * follows "Open your store" to the dashboard's /apply page, fills in the application (live
 * validation on the way) and sees the confirmation; the admin, watching the empty Pending
 * list, sees the application appear live (no reload, no search), and the applicant's
 * acknowledgement email is in the email log.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminToken, emailsTo, eventually, unique } from '../support/api.js';
import { adminSignIn } from '../support/admin-ui.js';
import { captureFailure, newActor, type Actor } from '../support/browser.js';
import { ctx } from '../support/context.js';

test(
  'a visitor applies from the landing page and the admin sees it appear live',
  { timeout: 120_000 },
  async () => {
    const { platform, browser } = ctx();
    const id = unique();
    const storeName = `Juniper & Sage ${id}`;
    const email = `juniper-sage-${id}@example.com`;

    let admin: Actor | undefined;
    let visitor: Actor | undefined;
    try {
      // The admin watches the Pending list, empty so far, with its pointer to the page.
      admin = await newActor(browser, '0-apply-admin');
      const { page } = admin;
      await adminSignIn(page, platform);
      await page.getByTestId('tab-pending').click();
      await page.getByTestId('realtime-status').filter({ hasText: 'Live' }).waitFor();
      await page.getByText('No applications waiting').waitFor();
      assert.equal(
        await page.getByTestId('apply-page-link').getAttribute('href'),
        `${platform.dashboardUrl}/apply`,
      );
      await admin.screenshot('pending-empty');

      // A visitor arrives on the platform's front page and follows "Open your store".
      visitor = await newActor(browser, '0-apply-visitor');
      const site = visitor.page;
      const landing = await site.goto(platform.apiUrl);
      assert.equal(landing?.status(), 200);
      assert.match(landing?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
      await site.getByRole('heading', { name: 'Your store, in orbit.' }).waitFor();
      await visitor.screenshot('landing-page');
      await site.getByRole('link', { name: 'Open your store' }).first().click();
      await site.waitForURL(`${platform.dashboardUrl}/apply`);
      await site.getByRole('heading', { name: 'Open your store on Orbit360' }).waitFor();
      await visitor.screenshot('apply-page');

      // Live validation: a half-typed address is pointed out once the field is left.
      const form = site.getByRole('form', { name: 'Open your store' });
      await form.getByLabel('Email').fill('juniper@');
      await form.getByLabel('Store name').focus();
      await form.getByText('Enter a valid email address, like you@store.com').waitFor();
      await form.getByRole('button', { name: 'Send my application' }).click();
      await form.getByText('Enter the name of your store').waitFor();
      await visitor.screenshot('apply-page-validation');
      await site.setViewportSize({ width: 390, height: 844 });
      await visitor.screenshot('apply-page-mobile');
      await site.setViewportSize({ width: 1366, height: 900 });

      await form.getByLabel('Store name').fill(storeName);
      await form.getByLabel('Your name').fill('June Park');
      await form.getByLabel('Email').fill(email);
      await form.getByLabel('What you sell').selectOption('Home & garden');
      await form.getByLabel('Country').selectOption('NZ');
      await form
        .getByLabel('About your store')
        .fill('Hand-thrown ceramics and dried flowers from Wellington.');
      assert.equal(await form.locator('[data-field-error]').count(), 0);
      await form.getByRole('button', { name: 'Send my application' }).click();
      const sent = site.getByTestId('application-sent');
      await sent.waitFor();
      assert.match(await sent.innerText(), /We'll email you when your store is ready/);
      assert.match(await sent.innerText(), new RegExp(email));
      await visitor.screenshot('application-sent');

      // The application appears in the admin's Pending list by itself.
      const row = page.locator(
        `[data-testid="merchant-row"][data-store-name="${storeName.replaceAll('"', '\\"')}"]`,
      );
      await row.waitFor();
      assert.equal((await page.getByTestId('tab-pending').innerText()).includes('1'), true);
      await admin.screenshot('pending-application-arrived');

      // The applicant was sent an acknowledgement.
      const token = await adminToken(platform);
      const mail = await eventually(`the acknowledgement to ${email}`, async () =>
        (await emailsTo(platform, token, email)).find((e) => e.kind === 'application_received'),
      );
      assert.match(mail.subject, /We received your application/);
      admin.assertNoConsoleErrors();
      visitor.assertNoConsoleErrors();
    } catch (error) {
      await captureFailure(admin, '0-apply-admin');
      await captureFailure(visitor, '0-apply-visitor');
      throw error;
    } finally {
      await admin?.close();
      await visitor?.close();
    }
  },
);
