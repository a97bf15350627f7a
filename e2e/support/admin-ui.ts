/**
 * Steps in the admin panel shared by the scenarios, written against what an operator sees:
 * labels, roles and the panel's data-testid hooks (apps/admin).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Platform } from './platform.js';

export async function adminSignIn(page: Page, platform: Platform) {
  await page.goto(platform.adminUrl);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(platform.admin.email);
  await page.getByLabel('Password').fill(platform.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/merchants/);
}

/** Finds a merchant under the Pending tab by searching for its store name. */
export async function findPendingMerchant(page: Page, storeName: string) {
  await page.getByTestId('tab-pending').click();
  await page.getByLabel('Search merchants').fill(storeName);
  const row = page.locator(`[data-testid="merchant-row"][data-store-name="${storeName}"]`);
  await row.waitFor();
  return row;
}

/** Opens the activation modal of a pending merchant and picks theme and plan. */
export async function openActivation(
  page: Page,
  storeName: string,
  choice: { theme?: string; plan?: string } = {},
) {
  const row = await findPendingMerchant(page, storeName);
  await row.getByTestId('activate-button').click();
  const modal = page.getByTestId('activation-modal');
  await modal.waitFor();
  if (choice.theme) await modal.getByTestId(`theme-card-${choice.theme}`).click();
  if (choice.plan) await modal.getByTestId(`plan-card-${choice.plan}`).click();
  if (choice.theme) {
    assert.equal(
      await modal.getByTestId(`theme-card-${choice.theme}`).getAttribute('data-selected'),
      'true',
    );
  }
  if (choice.plan) {
    assert.equal(
      await modal.getByTestId(`plan-card-${choice.plan}`).getAttribute('data-selected'),
      'true',
    );
  }
  return modal;
}

/**
 * Records every progress value the status panel displays, as rendered, so a test can check
 * the bar moved live (not only its final value).
 */
export async function recordProgress(page: Page) {
  // A string, not a function: the runner's TypeScript transform would add helpers to a
  // function's source that do not exist in the page.
  await page.evaluate(`(() => {
    const seen = [];
    window.__progress = seen;
    const read = () => {
      const bar = document.querySelector('[data-testid="provisioning-progress"]');
      const value = Number(bar ? bar.getAttribute('aria-valuenow') : NaN);
      if (Number.isFinite(value) && seen[seen.length - 1] !== value) seen.push(value);
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
    read();
  })()`);
  return async () => (await page.evaluate('window.__progress')) as number[];
}
