/**
 * This instance's job worker (roles `all` and `worker`): provisioning runs, email delivery
 * and password-reset requests on graphile-worker. Composition only — the handlers live in their modules.
 */
import type { AppContext } from './context.js';
import { startQueue } from './platform/queue.js';
import { PASSWORD_RESET_TASK, createPasswordResetHandler } from './modules/auth/index.js';
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
  stop(): Promise<void>;
}

export async function startWorker(
  ctx: Pick<AppContext, 'db' | 'config' | 'logger' | 'secrets' | 'storefront'>,
  options: {
    databaseUrl: string;
    /** Test-only fault injection; by default from PROVISIONING_FAULTS (never in production). */
    faults?: Faults;
    concurrency?: number;
    applicationName?: string;
  },
): Promise<Worker> {
  const faults = options.faults ?? createFaults(ctx.config.provisioning.faults);
  const mailer = createMailer(ctx.config.mail);
  const provisioning = createProvisioningRunner({ ctx, faults });
  const queue = await startQueue({
    url: options.databaseUrl,
    logger: ctx.logger,
    concurrency: options.concurrency ?? ctx.config.queue.concurrency,
    pollIntervalMs: ctx.config.queue.pollIntervalMs,
    applicationName: options.applicationName,
    tasks: {
      [RUN_PROVISIONING_TASK]: provisioning.handler,
      [SEND_EMAIL_TASK]: createDeliverEmailHandler({
        db: ctx.db,
        mailer,
        logger: ctx.logger,
        retryBaseMs: ctx.config.mail.retryBaseMs,
        maxAttempts: ctx.config.mail.maxAttempts,
      }),
      [PASSWORD_RESET_TASK]: createPasswordResetHandler(ctx),
      [MERCHANT_APPLICATION_TASK]: createMerchantApplicationHandler(ctx),
    },
  });
  return {
    faults,
    async stop() {
      await queue.stop();
      provisioning.close();
      mailer.close();
    },
  };
}
