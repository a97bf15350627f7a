import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createAppContext } from '../../src/context.js';
import { createDatabase } from '../../src/platform/database/index.js';
import { createLogger } from '../../src/platform/logger.js';
import { testConfig } from '../helpers.js';

describe('healthz without a database', () => {
  it('answers 503 when the database does not answer', async () => {
    const logger = createLogger('silent');
    // Nothing listens on port 1: every query fails fast.
    const database = createDatabase({
      url: 'postgres://postgres@127.0.0.1:1/none',
      poolSize: 1,
      logger,
    });
    const config = testConfig();
    const ctx = createAppContext({ config, database, logger, jwtSecret: config.auth.jwtSecret! });
    const app = await buildApp(ctx);
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().status).toBe('unavailable');
    await app.close();
    await database.close();
  });
});
