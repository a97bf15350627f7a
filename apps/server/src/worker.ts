/**
 * This instance's job worker (roles `all` and `worker`): provisioning runs, email delivery
 * password-reset requests and media resizing on graphile-worker. Composition only — the handlers live in their modules.
 */
import pg from 'pg';
import type { AppContext } from './context.js';
import { startQueue, type Queue } from './platform/queue.js';
import { createStorage } from './platform/storage/create-storage.js';
import { PROCESS_MEDIA_TASK, createProcessMediaHandler } from './modules/media/index.js';
import {
  PASSWORD_RESET_TASK,
  createPasswordResetHandler,
  oneTimeToken,
} from './modules/auth/index.js';
import { SEND_EMAIL_TASK, createDeliverEmailHandler, createMailer } from './modules/email/index.js';
import {
  MERCHANT_APPLICATION_TASK,
  createMerchantApplicationHandler,
} from './modules/merchants/index.js';
import {
  RUN_PROVISIONING_TASK,
  createFaults,
  createProvisioningRunner,
  type Faults,
} from './modules/provisioning/index.js';

export interface Worker {
  /** The fault injector in use (tests switch it off with `clear()`). */
  faults: Faults;
  /** The job queue (tests read its restarts and can kill its runner). */
  queue: Queue;
  stop(): Promise<void>;
}

export async function startWorker(
  ctx: Pick<AppContext, 'db' | 'config' | 'logger' | 'secrets' | 'storefront' | 'realtime'>,
  options: {
    databaseUrl: string;
    /** Test-only fault injection; by default from PROVISIONING_FAULTS (never in production). */
    faults?: Faults;
    concurrency?: number;
    applicationName?: string;
  },
): Promise<Worker> {
  const faults = options.faults ?? createFaults(ctx.config.provisioning.faults);
  const { instanceName } = ctx.config.queue;
  const applicationName =
    options.applicationName ?? (instanceName ? `orbit360-queue-${instanceName}` : undefined);
  const mailer = createMailer(ctx.config.mail);
  // The email sender's own connections (one per send slot, plus one): its claim and its
  // `sent` commit after the mail server's 250 never wait behind the application's pool.
  const mailPool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: mailer.concurrency + 1,
    application_name: `${applicationName ?? 'orbit360-queue'}-mail`,
  });
  mailPool.on('error', (err) =>
    ctx.logger.warn({ message: err.message }, 'mail connection failed'),
  );
  const provisioning = createProvisioningRunner({ ctx, faults });
  const queue = await startQueue({
    url: options.databaseUrl,
    logger: ctx.logger,
    concurrency: options.concurrency ?? ctx.config.queue.concurrency,
    pollIntervalMs: ctx.config.queue.pollIntervalMs,
    applicationName,
    tasks: {
      [RUN_PROVISIONING_TASK]: provisioning.handler,
      [SEND_EMAIL_TASK]: createDeliverEmailHandler({
        db: ctx.db,
        pool: mailPool,
        mailer,
        logger: ctx.logger,
        oneTimeToken: (ref) => oneTimeToken(ctx.secrets.links, ref),
        logLinks: ctx.config.env === 'development',
        retryBaseMs: ctx.config.mail.retryBaseMs,
        maxAttempts: ctx.config.mail.maxAttempts,
      }),
      [PASSWORD_RESET_TASK]: createPasswordResetHandler(ctx),
      [MERCHANT_APPLICATION_TASK]: createMerchantApplicationHandler(ctx),
      [PROCESS_MEDIA_TASK]: createProcessMediaHandler({
        db: ctx.db,
        logger: ctx.logger,
        storage: createStorage(ctx.config.media.storage),
        limits: ctx.config.media,
      }),
    },
  });
  return {
    faults,
    queue,
    async stop() {
      await queue.stop();
      provisioning.close();
      mailer.close();
      await mailPool.end().catch(() => {});
    },
  };
}
