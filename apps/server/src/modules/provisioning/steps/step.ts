import type { Agent } from 'node:http';
import type { ProvisioningStepKey } from '@orbit360/contracts';
import type { AppContext } from '../../../context.js';
import type { Faults } from '../faults.js';
import type { Owner, RunRow, StepRow } from '../provisioning-state.js';

/** What every step can use, whatever the runs. */
export interface StepDeps {
  ctx: Pick<AppContext, 'db' | 'config' | 'logger' | 'secrets' | 'storefront'>;
  faults: Faults;
  /** Keep-alive agent for the website self-check. */
  httpAgent: Agent;
}

/** One run going through the step. */
export interface StepRun {
  run: RunRow;
  /** The run's steps as loaded; completed steps carry their `output`. */
  steps: StepRow[];
  /** The merchant's owner (email, name), loaded with the run. */
  owner: Owner;
  signal: AbortSignal;
}

/**
 * A provisioning step, written for a batch of runs: the runner groups the runs that reach the
 * same step at the same time (see platform/batching.ts) and the step does their work and
 * calls `completeSteps` in one transaction with a fixed number of set-based statements (steps
 * with an external effect make that effect idempotent first). A batch is all or nothing; when
 * it fails, each run is retried alone, so a failure belongs to one run. Running a step twice
 * — after a crash, a retry or by a duplicate runner — creates nothing twice.
 */
export interface Step {
  key: ProvisioningStepKey;
  /** Changes what the storefront serves: this instance's cache is cleared after commit. */
  changesStorefront?: boolean;
  /** Returns each run's committed output, in order (later steps of the same runner read it). */
  run(deps: StepDeps, runs: StepRun[]): Promise<Record<string, unknown>[]>;
}

/** Calls the fault injector for every run of the batch (between work and commit). */
export async function hitFaults(deps: StepDeps, key: ProvisioningStepKey, runs: StepRun[]) {
  for (const { run, steps } of runs) {
    const attempt = steps.find((s) => s.key === key)?.attempts ?? 1;
    await deps.faults.hit(key, { storeName: run.storeName, attempt });
  }
}
