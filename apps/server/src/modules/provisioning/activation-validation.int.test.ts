import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bearer } from '../../../test/helpers.js';
import { merchants } from '../merchants/index.js';
import { plans } from '../plans/index.js';
import { themes } from '../themes/index.js';
import { setupProvisioningTest } from '../../../test/support/provisioning-harness.js';

// No worker: these tests look at the API's answers, not at the workflow.
describe('activation API: validation, authorization, conflicts', () => {
  const h = setupProvisioningTest({ worker: false });
  const valid = () => ({ themeId: h.catalog.themes.modern, planId: h.catalog.plans.starter });

  async function fieldsOf(body: unknown) {
    const merchant = await h.signup();
    const res = await h.activate(merchant.id, body as Record<string, unknown>);
    expect(res.statusCode).toBe(400);
    expect(res.error.code).toBe('VALIDATION_FAILED');
    const details = res.error.details as { fields: { field: string }[] };
    return details.fields.map((f) => f.field);
  }

  it('names every invalid field', async () => {
    expect(await fieldsOf({})).toEqual(expect.arrayContaining(['body.themeId', 'body.planId']));
    expect(await fieldsOf({ ...valid(), themeId: 'not-a-uuid' })).toEqual(['body.themeId']);
    expect(await fieldsOf({ ...valid(), themeId: crypto.randomUUID() })).toEqual(['body.themeId']);
    expect(await fieldsOf({ ...valid(), planId: crypto.randomUUID() })).toEqual(['body.planId']);
    const cases: [Record<string, unknown>, string][] = [
      [{ storeName: '' }, 'body.settings.storeName'],
      [{ storeName: 'x'.repeat(121) }, 'body.settings.storeName'],
      [{ slug: 'Not A Slug!' }, 'body.settings.slug'],
      [{ slug: '-edge-' }, 'body.settings.slug'],
      [{ slug: 'a' }, 'body.settings.slug'],
      [{ slug: 'admin' }, 'body.settings.slug'],
      [{ currency: 'US' }, 'body.settings.currency'],
      [{ currency: 'XYZ' }, 'body.settings.currency'],
      [{ currency: 'THB' }, 'body.settings.currency'], // real, but not offered
      [{ timezone: 'Mars/Olympus_Mons' }, 'body.settings.timezone'],
      [{ timezone: '' }, 'body.settings.timezone'],
      [{ locale: 'not a locale!' }, 'body.settings.locale'],
      [{ locale: 'ko-KR' }, 'body.settings.locale'], // valid BCP 47, but not offered
      [{ features: { noSuchToggle: true } }, 'body.settings.features.noSuchToggle'],
      [{ features: { announcementBar: 'yes' } }, 'body.settings.features.announcementBar'],
    ];
    for (const [settings, field] of cases) {
      expect(await fieldsOf({ ...valid(), settings }), JSON.stringify(settings)).toEqual([field]);
    }
    // Several problems are reported together: those of the body's shape and shared rules,
    // then (once the body is well formed) those found in the catalog.
    expect(
      await fieldsOf({
        ...valid(),
        settings: { currency: 'XYZ', timezone: 'Nowhere/City', locale: 'xx', slug: 'a' },
      }),
    ).toEqual([
      'body.settings.slug',
      'body.settings.currency',
      'body.settings.timezone',
      'body.settings.locale',
    ]);
    expect(
      await fieldsOf({
        themeId: crypto.randomUUID(),
        planId: 'nope',
        settings: { slug: 'admin', features: { noSuchToggle: true } },
      }),
    ).toEqual(['body.themeId', 'body.planId', 'body.settings.slug']);
  });

  it('explains a refused currency, time zone or locale', async () => {
    const merchant = await h.signup();
    const res = await h.activate(merchant.id, {
      ...valid(),
      settings: { currency: 'THB', timezone: 'Mars/Olympus_Mons', locale: 'ko-KR' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.error.details).toEqual({
      fields: [
        {
          field: 'body.settings.currency',
          message: 'must be a supported currency code such as USD',
        },
        {
          field: 'body.settings.timezone',
          message: 'must be an IANA time zone such as Europe/Paris',
        },
        { field: 'body.settings.locale', message: 'must be a supported locale such as en-US' },
      ],
    });
  });

  it('stores the settings in their canonical spelling', async () => {
    const merchant = await h.signup();
    const res = await h.activate(merchant.id, {
      ...valid(),
      settings: { currency: ' eur ', timezone: 'Asia/Kolkata', locale: 'fr-ca' },
    });
    expect(res.statusCode).toBe(202);
    const { rows } = await h.t.ctx.pool.query<{ settings: Record<string, unknown> }>(
      'select settings from provisionings where merchant_id = $1',
      [merchant.id],
    );
    expect(rows[0]?.settings).toMatchObject({
      currency: 'EUR',
      timezone: 'Asia/Kolkata',
      locale: 'fr-CA',
    });
  });

  it('refuses archived themes and plans, naming the field', async () => {
    const [modern] = await h.t.ctx.db.select().from(themes).where(eq(themes.key, 'modern'));
    const { id: _id, ...copy } = modern!;
    const [theme] = await h.t.ctx.db
      .insert(themes)
      .values({ ...copy, key: 'archived-theme', isSystem: false, archivedAt: new Date() })
      .returning();
    expect(await fieldsOf({ ...valid(), themeId: theme!.id })).toEqual(['body.themeId']);
    await h.t.ctx.db
      .update(plans)
      .set({ archivedAt: new Date() })
      .where(eq(plans.key, 'enterprise'));
    expect(await fieldsOf({ ...valid(), planId: h.catalog.plans.enterprise })).toEqual([
      'body.planId',
    ]);
    await h.t.ctx.db.update(plans).set({ archivedAt: null }).where(eq(plans.key, 'enterprise'));
  });

  it('answers 404 for an unknown merchant and 409 for a suspended one', async () => {
    expect((await h.activate(crypto.randomUUID(), valid())).statusCode).toBe(404);
    expect((await h.activate('not-a-uuid', valid())).statusCode).toBe(404);
    const merchant = await h.signup();
    await h.t.ctx.db
      .update(merchants)
      .set({ status: 'suspended' })
      .where(eq(merchants.id, merchant.id));
    const res = await h.activate(merchant.id, valid());
    expect(res.statusCode).toBe(409);
    expect(res.error.code).toBe('CONFLICT');
  });

  it('checks roles and the Idempotency-Key header', async () => {
    const merchant = await h.signup();
    const url = `/api/provisioning/merchants/${merchant.id}/activate`;
    const viewer = bearer(await h.t.adminToken('viewer'));
    expect((await h.t.app.inject({ method: 'POST', url, payload: valid() })).statusCode).toBe(401);
    const asViewer = await h.t.app.inject({
      method: 'POST',
      url,
      payload: valid(),
      headers: viewer,
    });
    expect(asViewer.statusCode).toBe(403);
    const badKey = await h.activate(merchant.id, valid(), { 'idempotency-key': 'x'.repeat(201) });
    expect(badKey.statusCode).toBe(400);
    const status = `/api/provisioning/merchants/${merchant.id}/provisioning-status`;
    expect((await h.t.app.inject({ url: status, headers: viewer })).statusCode).toBe(404);
    expect((await h.activate(merchant.id, valid())).statusCode).toBe(202);
    const read = await h.t.app.inject({ url: status, headers: viewer });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ merchantId: merchant.id, status: 'queued' });
    const retry = await h.t.app.inject({
      method: 'POST',
      url: `/api/provisioning/merchants/${merchant.id}/retry-provisioning`,
      headers: bearer(await h.t.adminToken()),
    });
    expect(retry.statusCode).toBe(409);
    const unknownRetry = await h.t.app.inject({
      method: 'POST',
      url: `/api/provisioning/merchants/${crypto.randomUUID()}/retry-provisioning`,
      headers: bearer(await h.t.adminToken()),
    });
    expect(unknownRetry.statusCode).toBe(404);
  });

  it('bulk activation answers one result per merchant, activating them in one transaction', async () => {
    const fresh = await h.signup();
    const fresh2 = await h.signup();
    const already = await h.signup();
    await h.activate(already.id, valid());
    const suspended = await h.signup();
    await h.t.ctx.db
      .update(merchants)
      .set({ status: 'suspended' })
      .where(eq(merchants.id, suspended.id));
    const ghost = crypto.randomUUID();
    const res = await h.t.app.inject({
      method: 'POST',
      url: '/api/provisioning/merchants/bulk-activate',
      headers: bearer(await h.t.adminToken()),
      payload: {
        ...valid(),
        merchantIds: [fresh.id, already.id, suspended.id, ghost, fresh.id, fresh2.id],
      },
    });
    expect(res.statusCode).toBe(202);
    expect(
      res
        .json()
        .results.map((r: { merchantId: string; result: string }) => [r.merchantId, r.result]),
    ).toEqual([
      [fresh.id, 'accepted'],
      [already.id, 'already_provisioned'],
      [suspended.id, 'rejected'],
      [ghost, 'not_found'],
      [fresh2.id, 'accepted'],
    ]);
    // Rows written by one transaction share its xmin.
    const { rows } = await h.t.ctx.pool.query<{ tx: string }>(
      `select xmin::text as tx from provisionings where merchant_id = any($1::uuid[])`,
      [[fresh.id, fresh2.id]],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.tx).toBe(rows[1]!.tx);
    const invalid = await h.t.app.inject({
      method: 'POST',
      url: '/api/provisioning/merchants/bulk-activate',
      headers: bearer(await h.t.adminToken()),
      payload: { merchantIds: [], themeId: 'x', planId: h.catalog.plans.starter },
    });
    expect(invalid.statusCode).toBe(400);
  });

  it('checks slug availability', async () => {
    const check = async (slug: string) =>
      (
        await h.t.app.inject({
          url: `/api/provisioning/slug-availability?slug=${encodeURIComponent(slug)}`,
          headers: bearer(await h.t.adminToken('viewer')),
        })
      ).json();
    expect(await check('fresh-name')).toMatchObject({ isValid: true, isAvailable: true });
    expect(await check('Bad Slug')).toMatchObject({ isValid: false, suggestion: 'bad-slug' });
    expect(await check('api')).toMatchObject({
      isValid: false,
      message: 'is reserved by the platform',
    });
    const merchant = await h.signup();
    await h.activate(merchant.id, { ...valid(), settings: { slug: 'taken-name' } });
    expect(await check('taken-name')).toMatchObject({
      isValid: true,
      isAvailable: false,
      suggestion: 'taken-name-2',
    });
  });
});
