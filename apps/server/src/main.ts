/** `npm start`: boots the platform and serves it until SIGINT/SIGTERM. */
import closeWithGrace from 'close-with-grace';
import type { FastifyRequest } from 'fastify';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { createLogger } from './platform/logger.js';
import { startSpaServers } from './platform/http/spa.js';
import { AppError } from './platform/errors.js';

const isOwnSelfCheck = (request: FastifyRequest) =>
  request.headers['user-agent'] === 'orbit360-self-check' &&
  ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.socket.remoteAddress ?? '');

async function main() {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.log.level);
  const platform = await bootstrap(config, logger);
  const app = await buildApp(platform.ctx);
  // Shutdown stops taking HTTP work first: a request arriving while the worker drains gets a
  // 503 and its keep-alive connection closed (the worker's own website self-checks still pass).
  let draining = false;
  app.addHook('onRequest', async (request, reply) => {
    if (!draining || isOwnSelfCheck(request)) return;
    reply.header('connection', 'close').header('retry-after', '5');
    throw new AppError('UNAVAILABLE', 'The server is shutting down; retry on another instance');
  });
  let spaServers: Awaited<ReturnType<typeof startSpaServers>> = [];
  try {
    await app.listen({ port: config.http.port, host: config.http.host });
    await platform.startWorker();
    if (config.role !== 'worker') spaServers = await startSpaServers({ config, logger: app.log });
  } catch (error) {
    await app.close();
    await platform.close();
    throw error;
  }

  const readyMs = Math.round(performance.now() - startedAt);
  const lines = [
    '',
    `  Orbit360 is running (ready in ${readyMs} ms)`,
    `  API & storefronts  ${config.http.publicUrl}   (docs: ${config.http.publicUrl}/docs)`,
    `  Admin panel        ${config.platform.adminUrl}`,
    `  Merchant dashboard ${config.platform.dashboardUrl}`,
    `  Database           ${config.database.url ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}/postgres`}`,
  ];
  if (platform.generatedAdminPassword) {
    lines.push(
      '',
      `  First admin created: ${config.bootstrapAdmin.email}`,
      `  Password (shown once): ${platform.generatedAdminPassword}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  logger.info({ readyMs }, 'ready');

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    const stoppingAt = performance.now();
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down');
    draining = true;
    // Unstarted jobs go back to the queue at once; running ones finish (ADR 050).
    await platform.stopWorker();
    await Promise.all(spaServers.map((server) => server.close()));
    await app.close();
    await platform.close();
    logger.info({ shutdownMs: Math.round(performance.now() - stoppingAt) }, 'stopped');
  });
}

main().catch((error) => {
  console.error('Orbit360 failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
