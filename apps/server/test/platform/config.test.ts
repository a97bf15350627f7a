import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.http).toMatchObject({ port: 5000, adminPort: 3001, dashboardPort: 3003 });
    expect(config.platform.domain).toBe('localhost:5000');
    expect(config.dataDir).toBe('./.data');
    expect(config.database.url).toBeUndefined();
    expect(config.bootstrapAdmin.email).toBe('admin@orbit360.local');
  });

  it('names every bad variable', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        JWT_SECRET: 'short',
        LOG_LEVEL: 'loud',
        SMTP_URL: 'http://x',
        TRUST_PROXY: 'many',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      for (const name of [
        'PORT',
        'DATABASE_URL',
        'JWT_SECRET',
        'LOG_LEVEL',
        'SMTP_URL',
        'TRUST_PROXY',
      ])
        expect(message).toContain(name);
    }
  });

  it('keeps media on local disk under DATA_DIR by default; S3 needs a bucket and a full key pair', () => {
    expect(loadConfig({ DATA_DIR: '/srv/orbit' }).media).toMatchObject({
      maxUploadBytes: 20 * 1024 * 1024,
      storage: { kind: 'local', dir: '/srv/orbit/media' },
    });
    expect(
      loadConfig({
        MEDIA_STORAGE: 's3',
        S3_BUCKET: 'shop-media',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_FORCE_PATH_STYLE: 'true',
      }).media.storage,
    ).toEqual({
      kind: 's3',
      bucket: 'shop-media',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: undefined,
    });
    expect(() => loadConfig({ MEDIA_STORAGE: 's3', S3_ACCESS_KEY_ID: 'k' })).toThrow(
      /S3_BUCKET: required when MEDIA_STORAGE=s3[\s\S]*set both or neither/,
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', ADMIN_PASSWORD: '' }).database.url).toBeUndefined();
  });

  it('derives URLs from ports and PUBLIC_URL', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://api.example.com/',
      ADMIN_PORT: '4001',
    });
    expect(config.http.publicUrl).toBe('https://api.example.com');
    expect(config.platform.adminUrl).toBe('https://localhost:4001');
    // Store addresses follow the API's port unless a platform domain is set.
    expect(config.platform.domain).toBe('localhost:8080');
    expect(loadConfig({ PLATFORM_DOMAIN: 'Shops.Example.com' }).platform.domain).toBe(
      'shops.example.com',
    );
  });
  describe('production refusals (ADR 005)', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://orbit_server@db.internal/orbit360',
      MIGRATION_DATABASE_URL: 'postgres://orbit_owner@db.internal/orbit360',
      JWT_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://api.shops.example',
      PLATFORM_DOMAIN: 'shops.example',
      SMTP_URL: 'smtps://mail.internal',
    };
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems;
      }
    };

    it('starts with every required setting', () => {
      expect(loadConfig(production).env).toBe('production');
    });

    it.each([
      ['DATABASE_URL', 'the embedded database is for development'],
      ['MIGRATION_DATABASE_URL', "the tables' owner"],
      ['JWT_SECRET', 'no generated secret'],
      ['PUBLIC_URL', 'required in production'],
      ['PLATFORM_DOMAIN', 'required in production'],
      ['SMTP_URL', 'required in production'],
    ])('refuses without %s, in one line', (name, reason) => {
      const found = problems({ ...production, [name]: '' });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^${name}: .*${reason}`));
      expect(found[0]).not.toContain('\n');
    });

    it('refuses fault injection', () => {
      expect(problems({ ...production, PROVISIONING_FAULTS: 'website:fail:1' })).toEqual([
        'PROVISIONING_FAULTS: fault injection is not allowed in production',
      ]);
    });

    it('names every missing setting at once; development and test need none of them', () => {
      expect(problems({ NODE_ENV: 'production' }).map((p) => p.split(':')[0])).toEqual([
        'DATABASE_URL',
        'JWT_SECRET',
        'PUBLIC_URL',
        'PLATFORM_DOMAIN',
        'SMTP_URL',
      ]);
      expect(problems({ NODE_ENV: 'development' })).toEqual([]);
      expect(problems({ NODE_ENV: 'test', PROVISIONING_FAULTS: 'website:fail:1' })).toEqual([]);
    });
  });
});
