import { Agent } from 'node:http';
import type { ProvisioningStepKey } from '@orbit360/contracts';
import type { ProvisioningDeps } from './provisioning.deps.js';
import { createBatcher } from '../../platform/batching.js';
import { waitInJob, type JobHandler } from '../../platform/queue.js';
import type { Faults } from './faults.js';
import { loadRuns, type Owner, type RunRow, type StepRow } from './provisioning-state.js';
import { recordStepFailure } from './record-step-failure.js';
import { sanitizeStepError } from './step-error.js';
import { createWorkspaceStep } from './steps/create-workspace.step.js';
import { deliverCredentialsStep } from './steps/deliver-credentials.step.js';
import { deployWebsiteStep } from './steps/deploy-website.step.js';
import { goLiveStep } from './steps/go-live.step.js';
import { initializeDataStep } from './steps/initialize-data.step.js';
import { setupDashboardStep } from './steps/setup-dashboard.step.js';
import type { RunOutputs } from './steps/step-outputs.js';
import type { Step, StepDeps, StepRun } from './steps/step.js';
import { Superseded, beginRetryAttempt, beginRuns } from './transitions.js';

export const RUN_PROVISIONING_TASK = 'provisioning.run';

/** Most runs one step transaction carries (bounded by the worker's concurrency anyway). */
const MAX_BATCH = 50;

const STEPS: Record<ProvisioningStepKey, Step> = {
  workspace: createWorkspaceStep,
  dashboard: setupDashboardStep,
  website: deployWebsiteStep,
  data: initializeDataStep,
  credentials: deliverCredentialsStep,
  golive: goLiveStep,
};

export interface ProvisioningRunnerDeps {
  ctx: Pick<ProvisioningDeps, 'db' | 'config' | 'logger' | 'secrets' | 'storefront' | 'realtime'>;
  faults: Faults;
}

/**
 * The `provisioning.run` job: drives one provisioning from wherever its durable state says it
 * is — a fresh run, a step interrupted by a crash (rerun; steps are idempotent), a step waiting
 * for its retry backoff, or a manual retry — to completed or failed. Each step commits its own
 * state; nothing is kept only in memory that a restart would need.
 */
export function createProvisioningRunner(deps: ProvisioningRunnerDeps) {
  const httpAgent = new Agent({ keepAlive: true, maxSockets: 32 });
  const { ctx } = deps;
  const stepDeps: StepDeps = { ...deps, httpAgent };
  // Runs that reach the same step at the same time share its transaction (group commit).
  const batchers = new Map(
    Object.values(STEPS).map((step) => [
      step.key,
      createBatcher<StepRun, Record<string, unknown>>({
        maxSize: MAX_BATCH,
        run: (runs) => step.run(stepDeps, runs),
      }),
    ]),
  );
  const loading = createBatcher({
    maxSize: MAX_BATCH,
    run: (ids: string[]) => loadRuns(ctx.db, ids),
  });
  const loadRun = (provisioningId: string) => loading.submit(provisioningId);
  const beginning = createBatcher({
    maxSize: MAX_BATCH,
    run: (runs: RunRow[]) => beginRuns(ctx.db, runs),
  });

  const handler: JobHandler = async (payload, job) => {
    const provisioningId = (payload as { provisioningId?: string }).provisioningId;
    if (!provisioningId) return;
    let state = await loadRun(provisioningId);
    while (state) {
      // Shutting down past the grace period: stop between steps; the job is taken up again.
      if (job.signal.aborted) throw new Error('worker shutting down');
      const { run, steps, outputs, owner } = state;
      if (run.status === 'completed' || run.status === 'failed') return;
      if (run.status === 'queued') {
        if (!(await beginning.submit(run))) return;
        const first = steps[0]!;
        first.status = 'running';
        first.attempts += 1;
        state = { ...state, run: { ...run, status: 'running', currentStep: first.key } };
        continue;
      }
      const index = steps.findIndex((s) => s.key === run.currentStep);
      const step = steps[index];
      if (!step) return;
      if (step.retryAt) {
        await waitInJob(Math.max(0, step.retryAt.getTime() - Date.now()), job.signal);
        await beginRetryAttempt(ctx.db, run, step.key);
        state = await loadRun(provisioningId);
        continue;
      }
      const outcome = await runStep(run, outputs, step, owner, job.signal);
      if (outcome === 'reload') {
        state = await loadRun(provisioningId);
        continue;
      }
      if (outcome === 'stop') return;
      // Completed: carry on with the next step without re-reading what we just wrote.
      step.status = 'completed';
      step.output = outcome.output;
      (outputs as Record<string, unknown>)[step.key] = outcome.output;
      const next = steps[index + 1];
      if (!next) {
        ctx.logger.info(
          {
            provisioningId: run.id,
            merchantId: run.merchantId,
            ms: Date.now() - run.queuedAt.getTime(),
          },
          'provisioning completed',
        );
        return;
      }
      next.status = 'running';
      next.attempts += 1;
      state = {
        ...state,
        run: { ...run, currentStep: next.key, tenantId: run.tenantId ?? tenantOf(outputs) },
      };
    }
  };

  async function runStep(
    run: RunRow,
    outputs: RunOutputs,
    step: StepRow,
    owner: Owner,
    signal: AbortSignal,
  ): Promise<{ output: Record<string, unknown> } | 'reload' | 'stop'> {
    try {
      const definition = STEPS[step.key];
      const output = await batchers.get(step.key)!.submit({
        run,
        attempt: step.attempts,
        outputs,
        owner,
        signal,
      });
      // Every instance's storefront follows the step's events (follow-events.ts); this one has
      // before the run goes on, as if the change had been made here.
      // The step is committed whatever happens here: a stream that cannot tell where it is only
      // delays this instance's caches, as it would any other instance's.
      if (definition.changesStorefront) {
        await ctx.realtime.caughtUp().catch((err: unknown) => {
          ctx.logger.warn({ err, provisioningId: run.id }, 'realtime stream did not catch up');
        });
      }
      return { output };
    } catch (error) {
      // Another runner moved the run on and owns the rest of it.
      if (error instanceof Superseded) return 'stop';
      if (signal.aborted) throw error; // shutting down: the job is retried later, as is
      ctx.logger.warn(
        { err: error, provisioningId: run.id, step: step.key, attempt: step.attempts },
        'provisioning step failed',
      );
      const result = await recordStepFailure({
        db: ctx.db,
        run: { ...run, tenantId: run.tenantId ?? tenantOf(outputs) },
        step,
        message: sanitizeStepError(step.key, error),
        maxAttempts: ctx.config.provisioning.maxAttempts,
        retryBaseMs: ctx.config.provisioning.retryBaseMs,
      });
      return result === 'failed' ? 'stop' : 'reload';
    }
  }

  return { handler, close: () => httpAgent.destroy() };
}

const tenantOf = (outputs: RunOutputs) => outputs.workspace?.tenantId ?? null;
