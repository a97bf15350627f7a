import { eq, sql } from 'drizzle-orm';
import type { ProvisioningStatus } from '@orbit360/contracts';
import { isUuid, type Db } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { enqueueJob } from '../../platform/queue.js';
import { transitionMerchants } from '../merchants/index.js';
import { loadRun, toProvisioningStatus } from './provisioning-state.js';
import { provisionings } from './provisioning.table.js';
import { RUN_PROVISIONING_TASK } from './run-provisioning.js';

/**
 * Resumes a failed provisioning at its failed step; completed steps are kept. The step gets a
 * fresh automatic-retry budget (`attempt_base`), and the job is enqueued in the same
 * transaction that flips the run back to running. 409 when the run is not failed.
 */
export async function retryProvisioning(options: {
  db: Db;
  merchantId: string;
  actorId: string;
}): Promise<ProvisioningStatus> {
  const { db, merchantId } = options;
  if (!isUuid(merchantId)) throw AppError.notFound('Provisioning');
  await db.transaction(async (tx) => {
    const [run] = await tx
      .select()
      .from(provisionings)
      .where(eq(provisionings.merchantId, merchantId))
      .for('update');
    if (!run) throw AppError.notFound('Provisioning');
    if (run.status !== 'failed' || !run.currentStep) {
      throw new AppError(
        'CONFLICT',
        `Only a failed provisioning can be retried (status: ${run.status})`,
      );
    }
    const step = run.currentStep;
    await tx.execute(sql`
      with st as (
        update provisioning_steps set status = 'running', attempt_base = attempts,
          retry_at = clock_timestamp(), finished_at = null, duration_ms = null
        where provisioning_id = ${run.id} and key = ${step})
      update provisionings set status = 'running', error = null, finished_at = null,
        manual_retries = manual_retries + 1, updated_at = now()
      where id = ${run.id}`);
    await enqueueJob(tx, {
      task: RUN_PROVISIONING_TASK,
      payload: { provisioningId: run.id },
      jobKey: `provisioning:${run.id}`,
      maxAttempts: 10,
    });
    const tenantId = run.tenantId ?? undefined;
    // The merchants module writes the status, its audit entry and its events.
    await transitionMerchants(tx, [
      {
        id: merchantId,
        from: 'failed',
        to: 'provisioning',
        actor: { type: 'admin', id: options.actorId },
        tenantId: tenantId ?? null,
        auditData: { provisioningId: run.id, step },
        events: [
          {
            type: 'provisioning.retried',
            data: { merchantId, provisioningId: run.id, step },
            tenantId,
          },
        ],
      },
    ]);
  });
  const state = await loadRun(db, { merchantId });
  return toProvisioningStatus(state!.run, state!.steps);
}
