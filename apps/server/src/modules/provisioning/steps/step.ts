import type { Agent } from 'node:http';
import type { ProvisioningStepKey } from '@orbit360/contracts';
import type { ProvisioningDeps } from '../provisioning.deps.js';
import type { Db, Tx } from '../../../platform/database/index.js';
import type { EventToPublish } from '../../realtime/index.js';
import type { Faults } from '../faults.js';
import type { Owner, RunRow } from '../provisioning-state.js';
import {
  priorOutputs,
  type PriorOutputs,
  type RunOutputs,
  type StepOutputs,
} from './step-outputs.js';
import { completeSteps } from '../transitions.js';

/** What every step can use, whatever the runs. */
export interface StepDeps {
  ctx: Pick<ProvisioningDeps, 'db' | 'config' | 'logger' | 'secrets' | 'storefront'>;
  faults: Faults;
  /** Keep-alive agent for the website self-check. */
  httpAgent: Agent;
}

/** One run going through a step, as the runner hands it over. */
export interface StepRun {
  run: RunRow;
  /** The step's current attempt (the fault injector's `fail:n` counts them). */
  attempt: number;
  /** The outputs of the run's completed steps. */
  outputs: RunOutputs;
  /** The merchant's owner (email, name), loaded with the run. */
  owner: Owner;
  signal: AbortSignal;
}

/** One run as a step's work sees it: the outputs of every step before it, typed. */
export type StepInput<K extends ProvisioningStepKey> = Omit<StepRun, 'outputs'> & {
  outputs: PriorOutputs<K>;
};

/** What a step's work gives back per run. */
export interface StepWorkResult<K extends ProvisioningStepKey> {
  output: StepOutputs[K];
  /** The run's tenant; default the workspace step's. */
  tenantId?: string;
  /** The step's own events, built at completion (after the fault hook), after step_completed. */
  events?: () => EventToPublish[];
}

export interface StepWorkContext extends StepDeps {
  /** Where the step's work runs: the step's transaction, or the pool for `transaction: false`. */
  db: Tx | Db;
  /** Fires the fault injector for the batch now (else it fires after the work, before commit). */
  hitFaults(): Promise<void>;
}

/**
 * A provisioning step, written for a batch of runs: the runner groups the runs that reach the
 * same step at the same time (see platform/batching.ts). A batch is all or nothing; when it
 * fails, each run is retried alone, so a failure belongs to one run. Running a step twice —
 * after a crash, a retry or by a duplicate runner — creates nothing twice.
 */
export interface Step {
  key: ProvisioningStepKey;
  /**
   * Changes what the storefront serves: the runner goes on once this instance has followed
   * the step's events (its storefront decides what they invalidate).
   */
  changesStorefront?: boolean;
  /** Returns each run's committed output, in order (later steps of the same runner get it). */
  run(deps: StepDeps, runs: StepRun[]): Promise<Record<string, unknown>[]>;
}

/**
 * The one shape of a step: `work` does the batch's writes with a fixed number of set-based
 * statements; `defineStep` owns the rest — the transaction (work, fault hook and completion
 * commit together; with `transaction: false` the work runs on the pool first, for steps with
 * external effects made idempotent, and the completion commits after), the fault hook
 * (after the work, before the commit: the worst moment) and the completion bookkeeping
 * (`completeSteps`: the step's state, the next step, progress, events, and its guard).
 */
export function defineStep<K extends ProvisioningStepKey>(definition: {
  key: K;
  changesStorefront?: boolean;
  transaction?: boolean;
  work(step: StepWorkContext, runs: StepInput<K>[]): Promise<StepWorkResult<K>[]>;
}): Step {
  const { key } = definition;
  return {
    key,
    changesStorefront: definition.changesStorefront,
    async run(deps, stepRuns) {
      const runs = stepRuns.map((r) => ({ ...r, outputs: priorOutputs(key, r.outputs) }));
      let faultsHit = false;
      const hitFaults = async () => {
        if (faultsHit) return;
        faultsHit = true;
        for (const { run, attempt } of runs) {
          await deps.faults.hit(key, { storeName: run.storeName, attempt });
        }
      };
      const complete = async (tx: Tx, results: StepWorkResult<K>[]) => {
        await hitFaults();
        await completeSteps(tx, {
          key,
          completions: runs.map(({ run, outputs }, i) => ({
            run,
            output: results[i]!.output,
            tenantId:
              results[i]!.tenantId ?? (outputs as Partial<StepOutputs>).workspace?.tenantId ?? null,
            events: results[i]!.events?.(),
          })),
        });
        return results.map((r) => r.output);
      };
      if (definition.transaction === false) {
        const results = await definition.work({ ...deps, db: deps.ctx.db, hitFaults }, runs);
        await hitFaults();
        return deps.ctx.db.transaction((tx) => complete(tx, results));
      }
      return deps.ctx.db.transaction(async (tx) =>
        complete(tx, await definition.work({ ...deps, db: tx, hitFaults }, runs)),
      );
    },
  };
}
