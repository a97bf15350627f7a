import { describe, expect, it } from 'vitest';
import { ensureBootstrapAdmin } from '../../src/modules/auth/index.js';
import { seedPlans } from '../../src/modules/plans/index.js';
import { seedThemes } from '../../src/modules/themes/index.js';
import { setupTestDatabase } from '../helpers.js';

describe('seeding', () => {
  const database = setupTestDatabase();

  it('is idempotent and keeps admin edits', async () => {
    await seedThemes(database.db);
    await seedPlans(database.db);
    await database.pool.query("update plans set price_cents = 3999 where key = 'starter'");
    await database.pool.query("update themes set name = 'Modern Pro' where key = 'modern'");
    await seedThemes(database.db);
    await seedPlans(database.db);
    const themes = await database.pool.query('select key, name from themes order by sort_order');
    const plans = await database.pool.query(
      'select key, price_cents from plans order by sort_order',
    );
    expect(themes.rows).toEqual([
      { key: 'modern', name: 'Modern Pro' },
      { key: 'classic', name: 'Classic' },
      { key: 'minimal', name: 'Minimal' },
    ]);
    expect(plans.rows.map((p) => p.key)).toEqual(['starter', 'professional', 'enterprise']);
    expect(plans.rows[0].price_cents).toBe(3999);
  });

  it('creates the first admin once, generating a password when none is configured', async () => {
    const first = await ensureBootstrapAdmin({ db: database.db, email: 'root@orbit360.test' });
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[\w-]{16}$/);
    const second = await ensureBootstrapAdmin({ db: database.db, email: 'root@orbit360.test' });
    expect(second).toEqual({ created: false, generatedPassword: null, weakPassword: null });
    const { rows } = await database.pool.query('select role, password_hash from admins');
    expect(rows).toHaveLength(1);
    expect(rows[0].role).toBe('super_admin');
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
