import { describe, expect, it } from 'vitest';
import { bearer, setupTestApp } from '../../../test/helpers.js';
import { createMerchant } from './index.js';

const application = (n: number) => ({
  storeName: `Store ${n}`,
  ownerName: `Owner ${n}`,
  email: `owner${n}@shop.test`,
  businessType: 'Other',
  country: 'US',
});

// The public application route has its own tests (merchant-application.int.test.ts).
describe('admin listing of merchants', () => {
  const t = setupTestApp();
  const signup = (input: ReturnType<typeof application>) => createMerchant({ db: t.ctx.db, input });

  it('lists, filters, searches and paginates with per-status counts', async () => {
    for (let n = 1; n <= 6; n++) await signup(application(n));
    const token = await t.adminToken('viewer');
    const list = await t.app.inject({
      url: '/api/admin/merchants?status=pending&pageSize=2&page=2',
      headers: bearer(token),
    });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.total).toBe(6);
    expect(body.items).toHaveLength(2);
    expect(body.counts).toEqual({
      pending: 6,
      provisioning: 0,
      active: 0,
      failed: 0,
      suspended: 0,
    });

    const search = await t.app.inject({
      url: '/api/admin/merchants?q=store%203',
      headers: bearer(token),
    });
    expect(search.json().items.map((m: { storeName: string }) => m.storeName)).toEqual(['Store 3']);

    const wildcard = await t.app.inject({
      url: '/api/admin/merchants?q=%25',
      headers: bearer(token),
    });
    expect(wildcard.json().total).toBe(0);
  });

  it('rejects bad query parameters with 400', async () => {
    const token = await t.adminToken();
    for (const qs of ['status=bogus', 'page=0', 'pageSize=1000', 'page=abc']) {
      const res = await t.app.inject({ url: `/api/admin/merchants?${qs}`, headers: bearer(token) });
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('gets one merchant; unknown and malformed ids are 404', async () => {
    const token = await t.adminToken();
    const created = await signup(application(9));
    const one = await t.app.inject({
      url: `/api/admin/merchants/${created.id}`,
      headers: bearer(token),
    });
    expect(one.json()).toMatchObject({ id: created.id, storeName: 'Store 9' });
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1'or'1'='1"]) {
      const res = await t.app.inject({
        url: `/api/admin/merchants/${encodeURIComponent(id)}`,
        headers: bearer(token),
      });
      expect(res.statusCode, id).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('records the signup in the audit log and the event stream', async () => {
    const { rows: audit } = await t.database.pool.query(
      "select action from audit_log where action = 'merchant.signed_up'",
    );
    const { rows: events } = await t.database.pool.query(
      "select type from events where type = 'merchant.signed_up'",
    );
    expect(audit.length).toBe(7);
    expect(events.length).toBe(audit.length);
  });
});
