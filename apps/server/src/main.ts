/** `npm start`: boots the platform and serves it until SIGINT/SIGTERM. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildApp } from './app.js';
import { bootstrap, type Platform } from './bootstrap.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { createLogger } from './platform/logger.js';
import { startSpaServers } from './platform/http/spa.js';
import { AppError } from './platform/errors.js';
import { handleShutdown } from './platform/shutdown.js';

/** Shutdown finishes within this, or the process exits 1 (a supervisor's stop timeout is longer). */
const SHUTDOWN_BUDGET_MS = 10_000;

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
  const logger = createLogger(config.log.level, { pretty: config.log.pretty });
  // What is running so far (a signal may arrive at any point of the start-up).
  const running: {
    platform?: Platform;
    app?: FastifyInstance;
    spaServers: Awaited<ReturnType<typeof startSpaServers>>;
  } = { spaServers: [] };
  let draining = false;
  let startup: Promise<void> = Promise.resolve();
  // Installed first, so a signal during start-up also ends in an orderly exit.
  const fail = handleShutdown({
    logger,
    budgetMs: SHUTDOWN_BUDGET_MS,
    async work() {
      draining = true;
      // A signal in the middle of start-up: let the step in progress finish, then stop it all.
      await startup.catch(() => {});
      // Unstarted jobs go back to the queue at once; running ones finish (ADR 050).
      await running.platform?.stopWorker();
      await Promise.all(running.spaServers.map((server) => server.close()));
      await running.app?.close();
      await running.platform?.close();
    },
  });

  startup = (async () => {
    const platform = (running.platform = await bootstrap(config, logger));
    platform.onFatal((error) => {
      console.error(`Orbit360 is stopping: ${error.message}`);
      fail(error);
    });
    const app = (running.app = await buildApp(platform.ctx));
    // Shutdown stops taking HTTP work first: a request arriving while the worker drains gets a
    // 503 and its keep-alive connection closed (the worker's own website self-checks still pass).
    app.addHook('onRequest', async (request, reply) => {
      if (!draining || isOwnSelfCheck(request)) return;
      reply.header('connection', 'close').header('retry-after', '5');
      throw new AppError('UNAVAILABLE', 'The server is shutting down; retry on another instance');
    });
    await app.listen({ port: config.http.port, host: config.http.host });
    await platform.startWorker();
    if (config.role !== 'worker') {
      running.spaServers = await startSpaServers({ config, logger: app.log });
    }
  })();
  try {
    await startup;
  } catch (error) {
    // Shutting down already: the shutdown stops what did start.
    if (draining) return;
    await running.app?.close();
    await running.platform?.close();
    throw error;
  }
  if (draining) return;
  const { platform } = running as Required<typeof running>;

  const readyMs = Math.round(performance.now() - startedAt);
  const lines = [
    '',
    `  Orbit360 is running (ready in ${readyMs} ms)`,
    `  API & storefronts  ${config.http.publicUrl}   (docs: ${config.http.publicUrl}/docs)`,
    `  Admin panel        ${config.platform.adminUrl}`,
    `  Merchant dashboard ${config.platform.dashboardUrl}`,
    `  Database           ${platform.database}`,
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
}

main().catch((error) => {
  // An operator-fixable problem found while starting (the database role, ADR 007): one line each.
  const message =
    error instanceof ConfigError
      ? error.problems.join('\n')
      : error instanceof Error
        ? error.message
        : error;
  console.error('Orbit360 failed to start:', message);
  process.exit(1);
});
