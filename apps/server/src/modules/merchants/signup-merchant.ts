import { randomUUID } from 'node:crypto';
import type { MerchantSignupBody, MerchantSignupResponse } from '@orbit360/contracts';
import type { MerchantsDeps } from './merchants.deps.js';
import { AppError } from '../../platform/errors.js';
import { enqueueJob, type JobHandler } from '../../platform/queue.js';
import type { ApplicationInput } from './create-merchant.js';
import { recordMerchantApplication } from './record-merchant-application.js';

export const MERCHANT_APPLICATION_TASK = 'merchants.application';

const ACCEPTED: MerchantSignupResponse = { accepted: true };

const waitText = (seconds: number) =>
  seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;

/**
 * A merchant applies (public). The answer is the same whether the address is new, already
 * applied, already owns a store or the spam trap was filled, and so is the work done before it
 * — the rate-limit check and one queued job — so neither the answer nor its timing tells who
 * is a merchant. The job records the application (see recordMerchantApplication). One client
 * may apply a bounded number of times per window, and all clients together a bounded number
 * per minute (config.limits.signup); both limits are shared by every instance and hold for a
 * parallel burst (check and record are one step). A refused application costs nothing else.
 */
export async function signupMerchant(options: {
  ctx: Pick<MerchantsDeps, 'db' | 'signupLimiter' | 'signupGlobalLimiter' | 'logger'>;
  input: MerchantSignupBody;
  clientIp: string;
}): Promise<MerchantSignupResponse> {
  const { ctx, input, clientIp } = options;
  const clientWait = await ctx.signupLimiter.consume(clientIp);
  if (clientWait > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many applications came from your connection; please try again in ${waitText(clientWait)}`,
      { retryAfter: clientWait },
    );
  }
  const globalWait = await ctx.signupGlobalLimiter.consume('all');
  if (globalWait > 0) {
    ctx.logger.warn({ clientIp }, 'merchant applications: global per-minute ceiling reached');
    throw new AppError(
      'RATE_LIMITED',
      `We are receiving a lot of applications right now; please try again in ${waitText(globalWait)}`,
      { retryAfter: globalWait },
    );
  }
  const { website, ...application } = input;
  if (website) {
    ctx.logger.info({ clientIp }, 'merchant application caught by the spam trap');
    return ACCEPTED;
  }
  const email = application.email.toLowerCase();
  await enqueueJob(ctx.db, {
    task: MERCHANT_APPLICATION_TASK,
    payload: { applicationId: randomUUID(), input: { ...application, email } },
    // A double submit of one address while it waits is one application.
    jobKey: `merchant-application:${email}`,
  });
  return ACCEPTED;
}

/** The `merchants.application` job: records one queued application. */
export function createMerchantApplicationHandler(
  ctx: Pick<MerchantsDeps, 'db' | 'config'>,
): JobHandler {
  return async (payload) => {
    const { applicationId, input } = payload as { applicationId: string; input: ApplicationInput };
    await recordMerchantApplication({ db: ctx.db, config: ctx.config, applicationId, input });
  };
}
