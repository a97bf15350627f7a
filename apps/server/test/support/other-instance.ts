/**
 * Another instance of the platform on a test's database — its own context (caches, limiters,
 * a realtime hub that is not started) and app, as a second process would have — for tests of
 * what holds on every instance. Module tests reach the composition root only through test
 * support (this file, the harnesses), never by importing context.ts or app.ts themselves.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createAppContext, type AppContext } from '../../src/context.js';
import type { Config } from '../../src/platform/config.js';
import type { TestApp } from '../helpers.js';

export async function buildOtherInstance(
  t: Pick<TestApp, 'ctx' | 'database'>,
  options: { config?: Config } = {},
): Promise<{ ctx: AppContext; app: FastifyInstance }> {
  const ctx = createAppContext({
    config: options.config ?? t.ctx.config,
    database: t.database,
    logger: t.ctx.logger,
    jwtSecret: t.ctx.config.auth.jwtSecret!,
  });
  return { ctx, app: await buildApp(ctx) };
}
