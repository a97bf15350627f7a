/**
 * Issue 16, dashboard — a merchant adds a product with two variants and an uploaded image,
 * finds it in the products list, and shoppers see it on the store's product page in the
 * store's currency, with the image's resized copies and a sold-out variant that cannot be
 * bought. The store sells in EUR with a German locale, so a dollar sign or a decimal point
 * anywhere would show a formatting slip. The image is drawn on a canvas in the browser, so
 * the scenario needs no outside network and no fixture file.
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
      // M is sold out: its stock is tracked, none is left and backorders are off.
      await page.getByLabel('Track inventory of M', { exact: true }).check();
      await page.getByLabel('Inventory of M', { exact: true }).fill('0');
      await page.getByLabel('Track inventory of S', { exact: true }).check();
      await page.getByLabel('Inventory of S', { exact: true }).fill('5');

      // A real upload: a 1200×800 PNG drawn in the page, sent through the file input; the
      // editor shows the upload's progress, then the image once its copies are made.
      const png = Buffer.from(
        await page.evaluate(async () => {
          const canvas = document.createElement('canvas');
          canvas.width = 1200;
          canvas.height = 800;
          const g = canvas.getContext('2d')!;
          g.fillStyle = '#d9c8b4';
          g.fillRect(0, 0, 1200, 800);
          g.fillStyle = '#5b4636';
          g.fillRect(300, 150, 600, 500);
          const blob = await new Promise<Blob>((done) =>
            canvas.toBlob((b) => done(b!), 'image/png'),
          );
          return [...new Uint8Array(await blob.arrayBuffer())];
        }),
      );
      await page
        .getByLabel('Upload images')
        .setInputFiles({ name: 'aurora-tee.png', mimeType: 'image/png', buffer: png });
      await page.getByText('Uploaded image', { exact: true }).waitFor({ timeout: 20_000 });
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
      // The uploaded image, served from the store's host in its resized WebP copies.
      const image = site.locator('img[srcset*="/media/"]').first();
      await image.waitFor();
      assert.equal(await image.getAttribute('alt'), 'The tee, folded');
      assert.match(
        (await image.getAttribute('srcset')) ?? '',
        /\/media\/[0-9a-f-]{36}\/480\.webp 480w/,
      );
      await site.waitForFunction(
        (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
        await image.elementHandle(),
      );
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
      // M is sold out: the buy button says so and cannot be pressed.
      const soldOut = site.locator('[data-product] button[data-when-sold-out]').first();
      await soldOut.waitFor({ state: 'visible' });
      assert.equal(await soldOut.isDisabled(), true, 'a sold-out variant cannot be bought');
      assert.equal(
        await site.evaluate(() => (window as unknown as { samePage?: boolean }).samePage),
        true,
        'the picker switched the variant without loading a page',
      );
      await actor.screenshot('storefront-product-variant-m', site);
      // Back to S: in stock again, the sold-out button hidden.
      await site.locator('[data-variant-picker] a', { hasText: /^S$/ }).click();
      await soldOut.waitFor({ state: 'hidden' });

      actor.assertNoConsoleErrors();
    } catch (error) {
      await captureFailure(actor, '6-catalog');
      throw error;
    } finally {
      await actor?.close();
    }
  },
);
