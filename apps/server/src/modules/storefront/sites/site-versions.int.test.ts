import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { asOwner, setupTestApp } from '../../../../test/helpers.js';
import { withTenant } from '../../../platform/database/index.js';
import { AppError } from '../../../platform/errors.js';
import { products } from '../../catalog/index.js';
import { seedStoreContent } from '../../stores/index.js';
import { getThemeByKey } from '../../themes/index.js';
import { getSiteState, publishSite, rollbackSite } from '../index.js';
import { createTestStore } from '../../../../test/support/create-test-store.js';

describe('site versions: publish and rollback', () => {
  const t = setupTestApp();
  const system = { type: 'system' as const };
  let modernId: string;
  let classicId: string;
  const get = (slug: string, url = '/') =>
    t.app.inject({ url, headers: { host: `${slug}.localhost:5000` } });

  beforeAll(async () => {
    modernId = (await getThemeByKey({ db: t.ctx.db, key: 'modern' }))!.id;
    classicId = (await getThemeByKey({ db: t.ctx.db, key: 'classic' }))!.id;
  });

  it('publishes versions, keeps them, rolls back in one call and invalidates the cache', async () => {
    const store = await createTestStore(t.ctx, { theme: 'modern' });
    expect((await get(store.slug)).body).toContain('Bestsellers this week'); // v1, cached now
    const v2 = await publishSite({
      db: t.ctx.db,
      storefront: t.ctx.storefront,
      tenantId: store.tenantId,
      themeId: classicId,
      actor: system,
    });
    expect(v2.version).toBe(2);
    expect((await get(store.slug)).body).toContain('Favourites of the season');
    const back = await rollbackSite({
      db: t.ctx.db,
      storefront: t.ctx.storefront,
      tenantId: store.tenantId,
      versionId: store.versionId!,
      actor: system,
    });
    expect(back).toEqual({ versionId: store.versionId, version: 1 });
    expect((await get(store.slug)).body).toContain('Bestsellers this week');
    const state = await getSiteState({
      db: t.ctx.db,
      config: t.ctx.config,
      tenantId: store.tenantId,
    });
    expect(state.versions.map((v) => [v.version, v.isLive])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(state.liveVersion?.themeName).toBe('Modern');
    const events = await t.ctx.db.execute<{ type: string; data: { version: number } }>(
      sql`select type, data from events where tenant_id = ${store.tenantId} and type = 'site.published' order by seq`,
    );
    expect(events.rows.map((e) => e.data.version)).toEqual([1, 2, 1]);
  });

  it('returns the existing version for a repeated idempotency key', async () => {
    const store = await createTestStore(t.ctx, { publish: false });
    const first = await publishSite({
      db: t.ctx.db,
      storefront: t.ctx.storefront,
      tenantId: store.tenantId,
      themeId: modernId,
      idempotencyKey: 'provisioning:1',
      actor: system,
    });
    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        publishSite({
          db: t.ctx.db,
          storefront: t.ctx.storefront,
          tenantId: store.tenantId,
          themeId: modernId,
          idempotencyKey: 'provisioning:1',
          actor: system,
        }),
      ),
    );
    expect(again.every((v) => v.versionId === first.versionId)).toBe(true);
    const state = await getSiteState({
      db: t.ctx.db,
      config: t.ctx.config,
      tenantId: store.tenantId,
    });
    expect(state.versions).toHaveLength(1);
  });

  it('serialises concurrent publishes: distinct versions, the last one live', async () => {
    const store = await createTestStore(t.ctx, { publish: false });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        publishSite({
          db: t.ctx.db,
          storefront: t.ctx.storefront,
          tenantId: store.tenantId,
          themeId: i % 2 ? modernId : classicId,
          actor: system,
        }),
      ),
    );
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const state = await getSiteState({
      db: t.ctx.db,
      config: t.ctx.config,
      tenantId: store.tenantId,
    });
    expect(state.liveVersion?.version).toBe(8);
  });

  it('rejects invalid settings naming the field, and unknown themes', async () => {
    const store = await createTestStore(t.ctx);
    const attempt = (settings: object, themeId = modernId) =>
      publishSite({
        db: t.ctx.db,
        storefront: t.ctx.storefront,
        tenantId: store.tenantId,
        themeId,
        settings,
        actor: system,
      }).catch((e: unknown) => e);
    const bad = (await attempt({
      colors: { primary: 'red' },
      layout: { productGridColumns: 9 },
    })) as AppError;
    expect(bad).toBeInstanceOf(AppError);
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.message).toContain('settings.colors.primary');
    expect(bad.message).toContain('settings.layout.productGridColumns');
    const unknown = (await attempt({ fonts: { nope: 'Inter' } })) as AppError;
    expect(unknown.message).toContain('settings.fonts.nope');
    const noTheme = (await attempt({}, '00000000-0000-4000-8000-000000000000')) as AppError;
    expect(noTheme.code).toBe('VALIDATION_FAILED');
    const noStore = await publishSite({
      db: t.ctx.db,
      storefront: t.ctx.storefront,
      tenantId: '00000000-0000-4000-8000-000000000000',
      themeId: modernId,
      actor: system,
    }).catch((e: AppError) => e.code);
    expect(noStore).toBe('NOT_FOUND');
  });

  it('is atomic: when any part of a publish fails, nothing changes', async () => {
    const store = await createTestStore(t.ctx, { theme: 'modern' });
    expect((await get(store.slug)).statusCode).toBe(200);
    // Make the event insert (the last statement of a publish) fail for this tenant only.
    await asOwner(t.database, (owner) =>
      owner.query(`
      create function fail_publish() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$;
      create trigger fail_publish before insert on events for each row
        when (new.tenant_id = '${store.tenantId}' and new.type = 'site.published')
        execute function fail_publish();`),
    );
    try {
      const failed = await publishSite({
        db: t.ctx.db,
        storefront: t.ctx.storefront,
        tenantId: store.tenantId,
        themeId: classicId,
        actor: system,
      }).catch((e: Error) => e);
      expect(failed).toBeInstanceOf(Error);
      const rolledBack = await rollbackSite({
        db: t.ctx.db,
        storefront: t.ctx.storefront,
        tenantId: store.tenantId,
        versionId: store.versionId!,
        actor: system,
      });
      expect(rolledBack.version).toBe(1); // already live: nothing to do, no event
    } finally {
      await asOwner(t.database, (owner) =>
        owner.query('drop trigger fail_publish on events; drop function fail_publish();'),
      );
    }
    const state = await getSiteState({
      db: t.ctx.db,
      config: t.ctx.config,
      tenantId: store.tenantId,
    });
    expect(state.versions.map((v) => v.version)).toEqual([1]);
    expect(state.liveVersion?.themeName).toBe('Modern');
    t.ctx.storefront.invalidateAll();
    expect((await get(store.slug)).body).toContain('Bestsellers this week');
  });

  it("cannot roll back to another tenant's version", async () => {
    const mine = await createTestStore(t.ctx);
    const theirs = await createTestStore(t.ctx);
    const result = await rollbackSite({
      db: t.ctx.db,
      storefront: t.ctx.storefront,
      tenantId: mine.tenantId,
      versionId: theirs.versionId!,
      actor: system,
    }).catch((e: AppError) => e.code);
    expect(result).toBe('NOT_FOUND');
  });

  it('answers cached pages without touching the database; invalidation refreshes them', async () => {
    // The store's own publish event invalidates its pages when the realtime stream delivers
    // it: let that happen before the pages are cached.
    const publishedTenants = new Set<string>();
    const unsubscribe = t.ctx.realtime.subscribe((event) => {
      if (event.type === 'site.published' && event.tenantId) publishedTenants.add(event.tenantId);
    });
    const store = await createTestStore(t.ctx);
    await expect.poll(() => publishedTenants.has(store.tenantId)).toBe(true);
    unsubscribe();
    await get(store.slug);
    await get(store.slug, '/products/stoneware-mug');
    let checkouts = 0;
    const count = () => checkouts++;
    t.ctx.pool.on('acquire', count);
    try {
      for (let i = 0; i < 5; i++) {
        expect((await get(store.slug)).statusCode).toBe(200);
        expect((await get(store.slug, '/products/stoneware-mug')).statusCode).toBe(200);
      }
      expect(checkouts).toBe(0);
      await withTenant(t.ctx.db, store.tenantId, (tx) =>
        tx
          .update(products)
          .set({ title: 'Renamed Mug' })
          .where(sql`handle = 'stoneware-mug'`),
      );
      checkouts = 0;
      expect((await get(store.slug, '/products/stoneware-mug')).body).toContain('Stoneware Mug');
      expect(checkouts).toBe(0);
      t.ctx.storefront.invalidateTenant(store.tenantId);
      t.ctx.storefront.invalidateTenant(store.tenantId); // idempotent
      expect((await get(store.slug, '/products/stoneware-mug')).body).toContain('Renamed Mug');
      expect(checkouts).toBeGreaterThan(0);
    } finally {
      t.ctx.pool.off('acquire', count);
    }
  });

  it('seeds store content idempotently', async () => {
    const store = await createTestStore(t.ctx, { storeName: 'Seeded' });
    const count = () =>
      withTenant(t.ctx.db, store.tenantId, async (tx) => {
        const rows = await tx.execute<{ n: number }>(sql`
          select (select count(*) from products) + (select count(*) from pages)
               + (select count(*) from menus) + (select count(*) from collections)
               + (select count(*) from product_variants) + (select count(*) from collection_products)
               + (select count(*) from store_profiles) as n`);
        return Number(rows.rows[0]!.n);
      });
    const before = await count();
    expect(before).toBe(8 + 6 + 2 + 3 + 1 + 8 + 8);
    await withTenant(t.ctx.db, store.tenantId, async (tx) => {
      await seedStoreContent(tx, [
        {
          tenantId: store.tenantId,
          storeName: 'Seeded',
          currency: 'USD',
        },
      ]);
      await seedStoreContent(tx, [
        {
          tenantId: store.tenantId,
          storeName: 'Seeded',
          currency: 'USD',
        },
      ]);
    });
    expect(await count()).toBe(before);
  });
});
