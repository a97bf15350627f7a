import { describe, expect, it } from 'vitest';
import { bearer, setupTestApp } from '../../../test/helpers.js';
import { createMerchant } from '../merchants/index.js';

describe('plans API', () => {
  const t = setupTestApp();
  const auth = async (role: 'admin' | 'viewer' = 'admin') => bearer(await t.adminToken(role));
  const growth = {
    key: 'growth',
    name: 'Growth',
    priceCents: 4999,
    limits: { products: 1000, staffAccounts: 5, storageMb: 5000, customDomain: true },
    features: ['Everything in Starter'],
  };

  it('lists the seeded plans with prices in cents', async () => {
    const res = await t.app.inject({
      url: '/api/provisioning/plans',
      headers: await auth('viewer'),
    });
    const items = res.json().items;
    expect(
      items.map((p: { name: string; priceCents: number; isPopular: boolean }) => [
        p.name,
        p.priceCents,
        p.isPopular,
      ]),
    ).toEqual([
      ['Starter', 2999, false],
      ['Professional', 7999, true],
      ['Enterprise', 29999, false],
    ]);
    expect(items[2].limits).toEqual({
      products: null,
      staffAccounts: null,
      storageMb: null,
      customDomain: true,
    });
    expect(
      items.every(
        (p: { currency: string; interval: string }) =>
          p.currency === 'USD' && p.interval === 'month',
      ),
    ).toBe(true);
  });

  it('creates, updates, archives and deletes a plan', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/provisioning/plans',
      headers: await auth(),
      payload: growth,
    });
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({
      key: 'growth',
      currency: 'USD',
      interval: 'month',
      isPopular: false,
    });

    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/provisioning/plans/${plan.id}`,
      headers: await auth(),
      payload: { priceCents: 5999, isArchived: true },
    });
    expect(updated.json()).toMatchObject({ priceCents: 5999, isArchived: true });

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/provisioning/plans/${plan.id}`,
      headers: await auth(),
    });
    expect(removed.statusCode).toBe(204);
  });

  it('validates fields by name', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/provisioning/plans',
      headers: await auth(),
      payload: {
        ...growth,
        key: 'Bad Key',
        priceCents: -1,
        currency: 'dollars',
        limits: { products: 'many' },
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.key',
        'body.priceCents',
        'body.currency',
        'body.limits.products',
      ]),
    );
  });

  it('refuses to delete a plan in use with 409', async () => {
    const plan = (
      await t.app.inject({
        method: 'POST',
        url: '/api/provisioning/plans',
        headers: await auth(),
        payload: { ...growth, key: 'used' },
      })
    ).json();
    const merchant = await createMerchant({
      db: t.ctx.db,
      input: {
        storeName: 'Plan user',
        ownerName: 'O',
        email: 'plan@user.test',
        businessType: 'Other',
        country: 'US',
      },
    });
    await t.database.pool.query('update merchants set plan_id = $1 where id = $2', [
      plan.id,
      merchant.id,
    ]);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/provisioning/plans/${plan.id}`,
      headers: await auth(),
    });
    expect(res.statusCode).toBe(409);
  });

  it('lets a viewer read but not write', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/provisioning/plans',
      headers: await auth('viewer'),
      payload: growth,
    });
    expect(res.statusCode).toBe(403);
  });
});
