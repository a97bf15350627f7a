import { describe, expect, it } from 'vitest';
import { bearer, setupTestApp } from '../../../test/helpers.js';
import { createMerchant } from '../merchants/index.js';

describe('themes API', () => {
  const t = setupTestApp();
  const auth = async (role: 'super_admin' | 'admin' | 'viewer' = 'admin') =>
    bearer(await t.adminToken(role));

  const newTheme = (key: string) => ({
    key,
    name: 'Bold',
    description: 'A custom theme',
    preview: {
      primary: '#ff0000',
      secondary: '#000000',
      accent: '#00ff00',
      background: '#ffffff',
      text: '#111111',
      layout: 'stacked',
    },
    configSchema: {
      colors: { primary: { type: 'color', label: 'Primary', default: '#ff0000' } },
      fonts: {},
      layout: { columns: { type: 'number', label: 'Columns', min: 2, max: 4, default: 3 } },
      features: { banner: { type: 'boolean', label: 'Banner', default: true } },
    },
  });

  it('lists the three seeded themes in order with schema and defaults', async () => {
    const res = await t.app.inject({
      url: '/api/provisioning/themes',
      headers: await auth('viewer'),
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((th: { name: string }) => th.name)).toEqual(['Modern', 'Classic', 'Minimal']);
    for (const theme of items) {
      expect(theme.description.length).toBeGreaterThan(20);
      expect(theme.preview.primary).toMatch(/^#[0-9a-f]{6}$/i);
      expect(Object.keys(theme.configSchema)).toEqual(['colors', 'fonts', 'layout', 'features']);
      expect(theme.defaults.colors.primary).toBe(theme.configSchema.colors.primary.default);
      expect(theme.isSystem).toBe(true);
    }
  });

  it('creates a theme copying the base templates, updates and deletes it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/provisioning/themes',
      headers: await auth(),
      payload: newTheme('bold'),
    });
    expect(created.statusCode).toBe(201);
    const theme = created.json();
    expect(Object.keys(theme.templates)).toContain('layout/theme.liquid');

    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/provisioning/themes',
      headers: await auth(),
      payload: newTheme('bold'),
    });
    expect(dup.statusCode).toBe(409);

    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/provisioning/themes/${theme.id}`,
      headers: await auth(),
      payload: { name: 'Bolder', isArchived: true },
    });
    expect(updated.json()).toMatchObject({ name: 'Bolder', isArchived: true });
    const visible = await t.app.inject({ url: '/api/provisioning/themes', headers: await auth() });
    expect(visible.json().items.map((th: { key: string }) => th.key)).not.toContain('bold');
    const all = await t.app.inject({
      url: '/api/provisioning/themes?includeArchived=true',
      headers: await auth(),
    });
    expect(all.json().items.map((th: { key: string }) => th.key)).toContain('bold');

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/provisioning/themes/${theme.id}`,
      headers: await auth(),
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.app.inject({
      url: `/api/provisioning/themes/${theme.id}`,
      headers: await auth(),
    });
    expect(gone.statusCode).toBe(404);
  });

  it('rejects a schema whose defaults break its own rules, naming the field', async () => {
    const body = newTheme('broken');
    body.configSchema.layout.columns.default = 9;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/provisioning/themes',
      headers: await auth(),
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe(
      'body.configSchema.layout.columns.default',
    );
  });

  it('refuses to delete a theme in use (409) and built-in themes', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/provisioning/themes',
        headers: await auth(),
        payload: newTheme('used'),
      })
    ).json();
    const merchant = await createMerchant({
      db: t.ctx.db,
      input: {
        storeName: 'Uses theme',
        ownerName: 'O',
        email: 'uses@theme.test',
        businessType: 'Other',
        country: 'US',
      },
    });
    await t.database.pool.query('update merchants set theme_id = $1 where id = $2', [
      created.id,
      merchant.id,
    ]);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/provisioning/themes/${created.id}`,
      headers: await auth(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/archive/);

    const modern = (
      await t.app.inject({ url: '/api/provisioning/themes', headers: await auth() })
    ).json().items[0];
    const builtIn = await t.app.inject({
      method: 'DELETE',
      url: `/api/provisioning/themes/${modern.id}`,
      headers: await auth(),
    });
    expect(builtIn.statusCode).toBe(409);
  });

  it('lets a viewer read but not write', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/provisioning/themes',
      headers: await auth('viewer'),
      payload: newTheme('viewer-made'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 404 for unknown and malformed theme ids on every verb', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      for (const method of ['GET', 'PUT', 'DELETE'] as const) {
        const res = await t.app.inject({
          method,
          url: `/api/provisioning/themes/${id}`,
          headers: await auth(),
          ...(method === 'PUT' ? { payload: { name: 'x' } } : {}),
        });
        expect(res.statusCode, `${method} ${id}`).toBe(404);
      }
    }
  });
});
