/**
 * Issue 6, scenario 3 — a merchant session cannot open another merchant's data. Two stores
 * are provisioned; the first merchant's token is refused on admin and provisioning endpoints
 * for the other store, a token edited to name the other tenant is rejected, and the
 * dashboard opened with `?merchant=<other store>` shows only the signed-in store and follows
 * only its own store's live changes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MerchantLoginResponse, MerchantOverview } from '@orbit360/contracts';
import {
  adminToken,
  http,
  merchantOverview,
  provisionViaApi,
  setPasswordLink,
  signupMerchant,
  unique,
} from '../support/api.js';
import { captureFailure, newActor, type Actor } from '../support/browser.js';
import { ctx } from '../support/context.js';
import { merchantSignIn } from '../support/dashboard-ui.js';

function tokenFromLink(link: string) {
  return new URL(link).searchParams.get('token')!;
}

/** The same JWT with its payload's tenant replaced — the signature no longer matches. */
function forgeTenant(jwt: string, tenantId: string) {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  const forged = Buffer.from(JSON.stringify({ ...claims, tid: tenantId })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

test('a merchant session sees only its own store', { timeout: 120_000 }, async () => {
  const { platform, browser } = ctx();
  const admin = await adminToken(platform);
  const id = unique();
  const stores = await Promise.all(
    (['Alder', 'Birch'] as const).map(async (name) => {
      const email = `${name.toLowerCase()}-${id}@example.com`;
      const storeName = `${name} Supply ${id}`;
      const merchant = await signupMerchant(platform, {
        storeName,
        ownerName: `${name} Owner`,
        email,
      });
      const provisioning = await provisionViaApi(platform, admin, merchant.id, {
        theme: 'minimal',
        plan: 'starter',
      });
      const password = `${name}-secret-${id}-7`;
      const link = await setPasswordLink(platform, admin, email);
      const session = await http<MerchantLoginResponse>(
        platform,
        'POST',
        '/api/auth/merchant/set-password',
        {
          body: { token: tokenFromLink(link), password },
        },
      );
      assert.equal(session.status, 200);
      return { merchant, provisioning, email, password, storeName, session: session.body };
    }),
  );
  const [alder, birch] = stores as [(typeof stores)[0], (typeof stores)[0]];
  const token = alder.session.token;
  const birchCode = birch.provisioning.deployment.merchantId!;

  // The overview answers with the caller's own store, whatever the query says.
  for (const query of [
    '',
    `?merchant=${birchCode}`,
    `?merchantId=${birch.merchant.id}`,
    `?tenantId=${birch.session.merchant.tenantId}`,
  ]) {
    const overview = await http<MerchantOverview>(
      platform,
      'GET',
      `/api/merchant/overview${query}`,
      { token },
    );
    assert.equal(overview.status, 200, `overview${query}`);
    assert.equal(overview.body.merchant.id, alder.merchant.id);
    assert.doesNotMatch(JSON.stringify(overview.body), new RegExp(`Birch|${birch.merchant.id}`));
  }

  // Admin and provisioning endpoints about the other store refuse a merchant token.
  for (const path of [
    `/api/admin/merchants/${birch.merchant.id}`,
    '/api/admin/merchants',
    `/api/provisioning/merchants/${birch.merchant.id}/provisioning-status`,
    `/api/admin/emails?to=${encodeURIComponent(birch.email)}`,
    '/api/admin/audit',
  ]) {
    const result = await http(platform, 'GET', path, { token });
    assert.ok([401, 403, 404].includes(result.status), `${path} answered ${result.status}`);
    assert.doesNotMatch(JSON.stringify(result.body), /Birch/);
  }
  const retry = await http(
    platform,
    'POST',
    `/api/provisioning/merchants/${birch.merchant.id}/retry-provisioning`,
    {
      token,
    },
  );
  assert.ok([401, 403].includes(retry.status), `retry answered ${retry.status}`);

  // A token edited to claim the other tenant is rejected.
  const forged = await merchantOverview(
    platform,
    forgeTenant(token, birch.session.merchant.tenantId),
  );
  assert.equal(forged.status, 401);

  // In the browser: the dashboard link of the other store neither signs in nor shows it.
  let actor: Actor | undefined;
  try {
    actor = await newActor(browser, '3-tenant-isolation');
    const { page } = actor;
    await page.goto(`${platform.dashboardUrl}/?merchant=${birchCode}`);
    await page.getByRole('heading', { name: 'Sign in to your store' }).waitFor();
    assert.match(await page.getByTestId('merchant-hint').innerText(), new RegExp(birchCode));
    await actor.screenshot('dashboard-login-with-other-merchant-link');
    await merchantSignIn(page, alder.email, alder.password);
    assert.match(page.url(), new RegExp(`merchant=${birchCode}`));
    assert.equal(await page.getByTestId('store-name').innerText(), alder.storeName);
    await page.getByTestId('merchant-mismatch').waitFor();
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, new RegExp(birch.storeName));
    await actor.screenshot('dashboard-own-store-despite-other-merchant-param');

    // Reloading with the other store's id keeps showing the signed-in store only. The
    // realtime frames the page receives are recorded from here on.
    const frames: string[] = [];
    page.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
    });
    await page.goto(`${platform.dashboardUrl}/?merchant=${birch.merchant.id}`);
    await page.getByTestId('merchant-mismatch').waitFor();
    assert.equal(await page.getByTestId('store-name').innerText(), alder.storeName);
    await page.getByTestId('live-indicator').and(page.locator('[data-status="live"]')).waitFor();

    // Live updates follow this tenant only: suspending the other store sends nothing here;
    // suspending this one arrives at once (no reload) and signs the dashboard out.
    const changeStatus = (merchantId: string, verb: 'suspend' | 'reactivate') =>
      http(platform, 'POST', `/api/admin/merchants/${merchantId}/${verb}`, {
        token: admin,
        body: { reason: 'e2e isolation check' },
      });
    assert.equal((await changeStatus(birch.merchant.id, 'suspend')).status, 200);
    assert.equal((await changeStatus(alder.merchant.id, 'suspend')).status, 200);
    await page.getByText('Your session has ended').waitFor({ timeout: 5000 });
    const seen = frames.join('\n');
    assert.match(seen, new RegExp(alder.merchant.id), "this store's suspension arrived live");
    assert.doesNotMatch(
      seen,
      new RegExp(`${birch.merchant.id}|${birch.session.merchant.tenantId}`),
    );
    await actor.screenshot('dashboard-signed-out-by-suspension');
    assert.equal((await changeStatus(alder.merchant.id, 'reactivate')).status, 200);
    await merchantSignIn(page, alder.email, alder.password);
    await page.getByTestId('store-status').filter({ hasText: 'Live' }).waitFor({ timeout: 5000 });
    // The suspended session's last refetch is refused (401) as it signs out: expected.
    actor.assertNoConsoleErrors([/status of 401/]);
  } catch (error) {
    await captureFailure(actor, '3-tenant-isolation');
    throw error;
  } finally {
    await actor?.close();
  }
});
