/**
 * Issue 16, dashboard — a merchant adds a product with two variants and an image, finds it
 * in the products list, and shoppers see it on the store's product page in the store's
 * currency. The store sells in EUR with a German locale, so a dollar sign or a decimal point
 * anywhere would show a formatting slip. Image URLs are answered by the browser context (a
 * 1×1 PNG), so the scenario needs no outside network.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MerchantLoginResponse, MerchantOverview } from '@orbit360/contracts';
import {
  adminToken,
  http,
  provisionViaApi,
  setPasswordLink,
  signupMerchant,
  unique,
} from '../support/api.js';
import { captureFailure, newActor, type Actor } from '../support/browser.js';
import { ctx } from '../support/context.js';
import { merchantSignIn } from '../support/dashboard-ui.js';

const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** The price as shoppers read it (spaces normalised: Intl puts a no-break space before €). */
const euros = (amount: number) =>
  new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' })
    .format(amount)
    .replace(/\s/g, ' ');
const readable = (text: string) => text.replace(/\s/g, ' ');

test(
  'a merchant adds a product with variants and shoppers see it in the store currency',
  { timeout: 150_000 },
  async () => {
    const { platform, browser } = ctx();
    const admin = await adminToken(platform);
    const id = unique();
    const email = `aurora-${id}@example.com`;
    const password = `Aurora-linen-${id}-4`;
    const merchant = await signupMerchant(platform, {
      storeName: `Aurora Linen ${id}`,
      ownerName: 'Aurora Owner',
      email,
    });
    await provisionViaApi(platform, admin, merchant.id, { theme: 'classic', plan: 'starter' });
    const link = await setPasswordLink(platform, admin, email);
    const session = await http<MerchantLoginResponse>(
      platform,
      'POST',
      '/api/auth/merchant/set-password',
      {
        body: { token: new URL(link).searchParams.get('token'), password },
      },
    );
    assert.equal(session.status, 200);
    const token = session.body.token;
    const settings = await http(platform, 'PUT', '/api/merchant/store', {
      token,
      body: { currency: 'EUR', locale: 'de-DE' },
    });
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    const overview = await http<MerchantOverview>(platform, 'GET', '/api/merchant/overview', {
      token,
    });
    const websiteUrl = overview.body.store.websiteUrl!;

    let actor: Actor | undefined;
    try {
      actor = await newActor(browser, '6-catalog');
      const { page } = actor;
      await actor.context.route('https://images.e2e.test/**', (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }),
      );
      await page.goto(platform.dashboardUrl);
      await merchantSignIn(page, email, password);

      await page.getByRole('link', { name: 'Products', exact: true }).click();
      await page.getByRole('heading', { name: 'Products' }).waitFor();
      await page.getByTestId('products-table').waitFor();
      await page.getByTestId('product-usage').waitFor();
      await actor.screenshot('products-list-samples');

      await page.getByRole('link', { name: 'Add product' }).first().click();
      await page.getByRole('heading', { name: 'Add product' }).waitFor();
      const title = `Aurora Linen Tee ${id}`;
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
      const handle = await page.getByRole('textbox', { name: 'Handle', exact: true }).inputValue();
      assert.equal(handle, `aurora-linen-tee-${id}`.toLowerCase());
      await page
        .getByRole('textbox', { name: 'Description', exact: true })
        .fill('<p>Washed linen, cut loose.</p>');

      await page.getByRole('button', { name: 'Add option' }).click();
      await page.getByLabel('Option 1 name').fill('Size');
      const values = page.getByLabel('Values of Size');
      await values.fill('S');
      await values.press('Enter');
      await values.fill('M');
      await values.press('Enter');
      await page.getByLabel('Price of S', { exact: true }).fill('24.00');
      await page.getByLabel('Price of M', { exact: true }).fill('26.50');
      assert.equal(await page.getByTestId('variant-row').count(), 2);

      await page.getByRole('button', { name: 'Add image' }).click();
      await page.getByLabel('Image 1 URL').fill('https://images.e2e.test/aurora-tee.png');
      await page.getByLabel('Image 1 alt text').fill('The tee, folded');
      await actor.screenshot('product-editor-filled');

      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByTestId('toast').filter({ hasText: 'Product created' }).waitFor();
      await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
      await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();

      await page.getByRole('link', { name: 'Products', exact: true }).first().click();
      const row = page.getByRole('row').filter({ hasText: title });
      await row.waitFor();
      const rowText = readable(await row.innerText());
      assert.ok(rowText.includes(euros(24)), `the list shows ${euros(24)}: ${rowText}`);
      assert.match(rowText, /Active/);
      await actor.screenshot('products-list-with-new-product');

      const site = await actor.context.newPage();
      const response = await site.goto(
        new URL(
          `products/${handle}`,
          websiteUrl.endsWith('/') ? websiteUrl : `${websiteUrl}/`,
        ).toString(),
      );
      assert.equal(response?.status(), 200);
      await site.getByText(title).first().waitFor();
      const text = readable(await site.locator('body').innerText());
      assert.ok(text.includes(euros(24)), `the product page shows ${euros(24)}`);
      assert.ok(!text.includes('$24'), 'no dollar price on the product page');
      await actor.screenshot('storefront-product', site);

      // The variant picker: choosing M shows its price in place (the theme's script; without
      // it the link would load `?variant=` from the server — the page would be a new one).
      await site.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
      await site.locator('[data-variant-picker] a', { hasText: /^M$/ }).click();
      await site.waitForURL(/[?&]variant=[0-9a-f-]{36}/);
      await site
        .locator('[data-product]')
        .filter({ hasText: euros(26.5) })
        .first()
        .waitFor();
      assert.equal(
        await site.evaluate(() => (window as unknown as { samePage?: boolean }).samePage),
        true,
        'the picker switched the variant without loading a page',
      );
      await actor.screenshot('storefront-product-variant-m', site);

      actor.assertNoConsoleErrors();
    } catch (error) {
      await captureFailure(actor, '6-catalog');
      throw error;
    } finally {
      await actor?.close();
    }
  },
);
