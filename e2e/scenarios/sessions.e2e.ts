/**
 * Issue 13, sessions — signing out ends the session on the server, and a session the server
 * ends shows "signed out" in the open dashboard at once. A merchant signs in from two
 * browsers; one signs out (its token is then refused by the API), the other stays in; the
 * admin suspends the store and the second dashboard, without a reload, is back on the sign-in
 * page saying the session ended. The admin's own sign-out ends the admin session too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MerchantLoginResponse } from '@orbit360/contracts';
import {
  adminToken,
  eventually,
  http,
  merchantOverview,
  provisionViaApi,
  setPasswordLink,
  signupMerchant,
  unique,
} from '../support/api.js';
import { adminSignIn } from '../support/admin-ui.js';
import { captureFailure, newActor, type Actor } from '../support/browser.js';
import { ctx } from '../support/context.js';
import { merchantSignIn, merchantSignOut } from '../support/dashboard-ui.js';

const DASHBOARD_SESSION_KEY = 'orbit360.dashboard.session';
const ADMIN_SESSION_KEY = 'orbit360.admin.session';

test('sessions end on sign-out and when the server ends them', { timeout: 120_000 }, async () => {
  const { platform, browser } = ctx();
  const admin = await adminToken(platform);
  const id = unique();
  const email = `cedar-${id}@example.com`;
  const password = `Cedar-lantern-${id}-9`;
  const merchant = await signupMerchant(platform, {
    storeName: `Cedar Goods ${id}`,
    ownerName: 'Cedar Owner',
    email,
  });
  await provisionViaApi(platform, admin, merchant.id, { theme: 'classic', plan: 'starter' });
  const link = await setPasswordLink(platform, admin, email);
  const chosen = await http<MerchantLoginResponse>(
    platform,
    'POST',
    '/api/auth/merchant/set-password',
    { body: { token: new URL(link).searchParams.get('token'), password } },
  );
  assert.equal(chosen.status, 200);

  const actors: Actor[] = [];
  const tokenIn = (actor: Actor, key: string) =>
    actor.page.evaluate(
      (storageKey) => JSON.parse(localStorage.getItem(storageKey) ?? 'null')?.token as string,
      key,
    );
  try {
    const laptop = await newActor(browser, '5-sessions-laptop');
    const phone = await newActor(browser, '5-sessions-phone');
    actors.push(laptop, phone);
    for (const { page } of [laptop, phone]) {
      await page.goto(platform.dashboardUrl);
      await page.getByRole('heading', { name: 'Sign in to your store' }).waitFor();
      await merchantSignIn(page, email, password);
    }
    const laptopToken = await tokenIn(laptop, DASHBOARD_SESSION_KEY);
    assert.equal((await merchantOverview(platform, laptopToken)).status, 200);

    // Signing out on the laptop ends that session on the server; the phone stays in.
    await merchantSignOut(laptop.page);
    await laptop.screenshot('signed-out');
    await eventually('the signed-out token refused', async () =>
      (await merchantOverview(platform, laptopToken)).status === 401 ? true : undefined,
    );
    await phone.page.reload();
    await phone.page.getByTestId('overview').waitFor();

    // Suspending the store ends the phone's session: the open dashboard says so at once.
    const suspended = await http(platform, 'POST', `/api/admin/merchants/${merchant.id}/suspend`, {
      token: admin,
      body: { reason: 'e2e: sessions' },
    });
    assert.equal(suspended.status, 200);
    await phone.page.getByRole('heading', { name: 'Sign in to your store' }).waitFor();
    await phone.page.getByText('Your session has ended').waitFor();
    await phone.screenshot('session-ended-by-suspension');

    // The admin's own sign-out ends the admin session.
    const operator = await newActor(browser, '5-sessions-admin');
    actors.push(operator);
    await adminSignIn(operator.page, platform);
    const operatorToken = await tokenIn(operator, ADMIN_SESSION_KEY);
    await operator.page.getByRole('button', { name: /^Account:/ }).click();
    await operator.page.getByRole('menuitem', { name: 'Sign out' }).click();
    await operator.page.waitForURL(/\/login/);
    await eventually('the signed-out admin token refused', async () =>
      (await http(platform, 'GET', '/api/admin/merchants', { token: operatorToken })).status === 401
        ? true
        : undefined,
    );
    for (const actor of actors) actor.assertNoConsoleErrors([/status of 401/]);
  } catch (error) {
    for (const actor of actors) await captureFailure(actor, '5-sessions');
    throw error;
  } finally {
    for (const actor of actors) await actor.close();
  }
});
