/**
 * Direct HTTP calls the scenarios make around the browser: a merchant applying through the
 * public API, and checks of what another tenant's token may see.
 */
import type {
  AdminLoginResponse,
  EmailLog,
  Merchant,
  MerchantList,
  MerchantOverview,
  MerchantSignupResponse,
  ProvisioningStatus,
} from '@orbit360/contracts';
import type { Platform } from './platform.js';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

export async function http<T = unknown>(
  platform: Platform,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<HttpResult<T>> {
  const response = await fetch(`${platform.apiUrl}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

let sequence = 0;
/** A unique, readable suffix so several runs (or scenarios) never collide on emails or slugs. */
export const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

/**
 * Applies through the public API, then finds the new pending merchant through the admin list
 * (the public answer is the same for every application and carries no id).
 */
export async function signupMerchant(
  platform: Platform,
  input: { storeName: string; ownerName: string; email: string },
): Promise<Merchant> {
  const result = await http<MerchantSignupResponse>(platform, 'POST', '/api/merchants/signup', {
    body: { ...input, country: 'US', businessType: 'Other' },
  });
  if (result.status !== 202) {
    throw new Error(`signup answered ${result.status}: ${JSON.stringify(result.body)}`);
  }
  return pendingMerchant(platform, await adminToken(platform), input.email);
}

/** The pending merchant that applied with `email`, once its application is recorded. */
export async function pendingMerchant(platform: Platform, token: string, email: string) {
  return eventually(`the application of ${email}`, async () => {
    const list = await http<MerchantList>(
      platform,
      'GET',
      `/api/admin/merchants?status=pending&q=${encodeURIComponent(email)}`,
      { token },
    );
    return list.body.items.find((m) => m.email === email.toLowerCase());
  });
}

export async function adminToken(platform: Platform): Promise<string> {
  const result = await http<AdminLoginResponse>(platform, 'POST', '/api/auth/admin/login', {
    body: platform.admin,
  });
  if (result.status !== 200) throw new Error(`admin login answered ${result.status}`);
  return result.body.token;
}

export async function provisioningStatus(platform: Platform, token: string, merchantId: string) {
  return http<ProvisioningStatus>(
    platform,
    'GET',
    `/api/provisioning/merchants/${merchantId}/provisioning-status`,
    { token },
  );
}

export async function emailsTo(platform: Platform, token: string, to: string) {
  const result = await http<EmailLog>(
    platform,
    'GET',
    `/api/admin/emails?to=${encodeURIComponent(to)}`,
    {
      token,
    },
  );
  return result.body.items;
}

export async function merchantOverview(platform: Platform, token: string) {
  return http<MerchantOverview>(platform, 'GET', '/api/merchant/overview', { token });
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface CatalogItem {
  id: string;
  key: string;
}

/** Activates a pending merchant through the admin API and waits until it is live. */
export async function provisionViaApi(
  platform: Platform,
  token: string,
  merchantId: string,
  choice: { theme: string; plan: string },
) {
  const themes = await http<{ items: CatalogItem[] }>(platform, 'GET', '/api/provisioning/themes', {
    token,
  });
  const plans = await http<{ items: CatalogItem[] }>(platform, 'GET', '/api/provisioning/plans', {
    token,
  });
  const themeId = themes.body.items.find((t) => t.key === choice.theme)?.id;
  const planId = plans.body.items.find((p) => p.key === choice.plan)?.id;
  if (!themeId || !planId) throw new Error(`no theme ${choice.theme} or plan ${choice.plan}`);
  const activation = await http(
    platform,
    'POST',
    `/api/provisioning/merchants/${merchantId}/activate`,
    {
      token,
      body: { themeId, planId },
    },
  );
  if (activation.status !== 202) {
    throw new Error(`activate answered ${activation.status}: ${JSON.stringify(activation.body)}`);
  }
  return eventually(`provisioning of ${merchantId}`, async () => {
    const status = await provisioningStatus(platform, token, merchantId);
    if (status.body.status === 'failed')
      throw new Error(`provisioning failed: ${JSON.stringify(status.body.error)}`);
    return status.body.status === 'completed' ? status.body : undefined;
  });
}

/** The one-time link of the newest email to `to` whose subject matches, from the mailbox. */
export async function mailboxLink(platform: Platform, to: string, subject: RegExp) {
  return eventually(`an email to ${to} matching ${subject}`, async () => {
    const email = platform.mailbox.received
      .filter((e) => e.to.includes(to) && subject.test(e.subject))
      .at(-1);
    return /https?:\/\/[^\s"'<>]+\/set-password\?token=[A-Za-z0-9_-]+/.exec(email?.text ?? '')?.[0];
  });
}

/**
 * The set-password link of the welcome email sent to `to`: the email log lists it (masked),
 * the mailbox holds the link.
 */
export async function setPasswordLink(platform: Platform, token: string, to: string) {
  await eventually(`the welcome email to ${to} in the log`, async () =>
    (await emailsTo(platform, token, to)).length ? true : undefined,
  );
  return mailboxLink(platform, to, /is live on Orbit360/);
}
