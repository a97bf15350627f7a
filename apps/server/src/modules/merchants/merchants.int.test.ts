import { describe, expect, it } from 'vitest';
import { bearer, setupTestApp } from '../../../test/helpers.js';

const application = (n: number) => ({
  storeName: `Store ${n}`,
  ownerName: `Owner ${n}`,
  email: `owner${n}@shop.test`,
});

describe('merchant signup and admin listing', () => {
  const t = setupTestApp();
  const signup = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/merchants/signup', payload: payload as object });

  it('accepts an application as pending', async () => {
    const res = await signup({
      ...application(1),
      phone: '+1 555 0100',
      country: 'us',
      businessType: 'Fashion',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'pending',
      storeName: 'Store 1',
      email: 'owner1@shop.test',
      country: 'US',
      tenantId: null,
    });
  });

  it('refuses a second application with the same email (any case) with 409', async () => {
    const res = await signup({ ...application(1), email: 'OWNER1@shop.test' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
  });

  it('names every invalid field', async () => {
    const res = await signup({
      storeName: '',
      email: 'not-an-email',
      country: 'USA',
      phone: 'call me',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.storeName',
        'body.ownerName',
        'body.email',
        'body.country',
        'body.phone',
      ]),
    );
  });

  it('lists, filters, searches and paginates with per-status counts', async () => {
    for (let n = 2; n <= 6; n++) expect((await signup(application(n))).statusCode).toBe(201);
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
    const created = (await signup(application(9))).json();
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
    expect(audit.length).toBeGreaterThanOrEqual(7);
    expect(events.length).toBe(audit.length);
  });
});
