/**
 * Test harness for provisioning: the real app listening on a real port (the website step's
 * self-check calls it over HTTP), a real job worker, and optionally a real SMTP server.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import type { ErrorBody, ProvisioningStatus } from '@orbit360/contracts';
import { bearer, setupTestApp, type TestApp } from '../helpers.js';
import { startWorker, type Worker } from '../../src/worker.js';
import { createMerchant } from '../../src/modules/merchants/index.js';
import { plans } from '../../src/modules/plans/index.js';
import { themes } from '../../src/modules/themes/index.js';
import { createFaults, type FaultRule, type Faults } from '../../src/modules/provisioning/index.js';
import { freePort } from '../../src/platform/net.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

/** The job worker (crash tests start extra ones, in-process or not). */
export { startWorker };

export interface ProvisioningHarness {
  t: TestApp;
  smtp: SmtpSink | undefined;
  worker: Worker | undefined;
  faults: Faults;
  catalog: { themes: Record<string, string>; plans: Record<string, string> };
  signup(storeName?: string): Promise<{ id: string; email: string; storeName: string }>;
  activate(
    merchantId: string,
    body?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ statusCode: number; body: ProvisioningStatus; error: ErrorBody['error'] }>;
  status(merchantId: string): Promise<ProvisioningStatus>;
  waitFor(
    merchantId: string,
    isDone: (s: ProvisioningStatus) => boolean,
    timeoutMs?: number,
  ): Promise<ProvisioningStatus>;
  /** GET on the platform's listener with a Host header (the way a browser reaches a store). */
  fetchSite(host: string, path?: string): Promise<{ status: number; body: string }>;
}

export function setupProvisioningTest(
  options: {
    smtp?: boolean;
    worker?: boolean;
    faults?: FaultRule[] | string;
    env?: Record<string, string>;
  } = {},
): ProvisioningHarness {
  const overrides: Record<string, string> = { QUEUE_POLL_INTERVAL_MS: '50', ...options.env };
  const h = {
    faults: createFaults(options.faults),
    catalog: { themes: {}, plans: {} },
  } as unknown as ProvisioningHarness;

  beforeAll(async () => {
    if (options.smtp) {
      h.smtp = await startSmtpSink();
      overrides.SMTP_URL = h.smtp.url;
    }
    overrides.PORT = String(await freePort());
  });
  const t = setupTestApp(overrides);
  h.t = t;
  beforeAll(async () => {
    await t.app.listen({ port: t.ctx.config.http.port, host: '127.0.0.1' });
    for (const row of await t.ctx.db.select().from(themes)) h.catalog.themes[row.key] = row.id;
    for (const row of await t.ctx.db.select().from(plans)) h.catalog.plans[row.key] = row.id;
    if (options.worker !== false) {
      h.worker = await startWorker(t.ctx, {
        databaseUrl: t.database.url,
        faults: h.faults,
        concurrency: 4,
      });
    }
  });
  afterAll(async () => {
    await h.worker?.stop();
    await h.smtp?.stop();
  });

  // A pending merchant as an application leaves it, without the application's own email (the
  // public route, its rate limit and its emails are covered by the merchants tests).
  h.signup = async (storeName = `Store ${randomUUID().slice(0, 8)}`) => {
    const email = `owner-${randomUUID().slice(0, 12)}@example.test`;
    const merchant = await createMerchant({
      db: t.ctx.db,
      input: { storeName, ownerName: 'Olive Owner', email, businessType: 'Other', country: 'US' },
    });
    return { id: merchant.id, email, storeName };
  };
  h.activate = async (merchantId, body, headers = {}) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/provisioning/merchants/${merchantId}/activate`,
      headers: { ...bearer(await t.adminToken()), ...headers },
      payload: body ?? { themeId: h.catalog.themes.modern, planId: h.catalog.plans.starter },
    });
    return { statusCode: res.statusCode, body: res.json(), error: res.json().error };
  };
  h.status = async (merchantId) => {
    const res = await t.app.inject({
      url: `/api/provisioning/merchants/${merchantId}/provisioning-status`,
      headers: bearer(await t.adminToken()),
    });
    if (res.statusCode !== 200) throw new Error(`status failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  h.waitFor = async (merchantId, isDone, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await h.status(merchantId);
      if (isDone(status)) {
        // The status is read from the database; this instance's storefront follows the stream
        // (as every instance's does), so a check of the site right after sees what it serves.
        await t.ctx.realtime.caughtUp();
        return status;
      }
      if (Date.now() > deadline) {
        throw new Error(`provisioning did not settle: ${JSON.stringify(status, null, 1)}`);
      }
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  h.fetchSite = (host, path = '/') =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: t.ctx.config.http.port, path, headers: { host } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  return h;
}

export const isSettled = (s: ProvisioningStatus) =>
  s.status === 'completed' || s.status === 'failed';

/** The set-password token in a welcome email's text. */
export const tokenFrom = (text: string) => /[?&]token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
