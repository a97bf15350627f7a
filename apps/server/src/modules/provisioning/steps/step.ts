import type { Agent } from 'node:http';
import type { ProvisioningStepKey } from '@orbit360/contracts';
import type { AppContext } from '../../../context.js';
import type { Faults } from '../faults.js';
import type { Owner, RunRow, StepRow } from '../provisioning-state.js';

/** What every step receives. */
export interface StepContext {
  ctx: Pick<AppContext, 'db' | 'config' | 'logger' | 'secrets' | 'storefront'>;
  faults: Faults;
  /** Keep-alive agent for the website self-check. */
  httpAgent: Agent;
  run: RunRow;
  /** The run's steps as loaded; completed steps carry their `output`. */
  steps: StepRow[];
  /** The merchant's owner (email, name), loaded with the run. */
  owner: Owner;
  signal: AbortSignal;
}

/**
 * A provisioning step. It does its work and calls `completeStep` in one transaction (steps
 * with an external effect make that effect idempotent first), so running it twice — after a
 * crash, a retry or by a duplicate runner — creates nothing twice.
 */
export interface Step {
  key: ProvisioningStepKey;
  /** Changes what the storefront serves: this instance's cache is cleared after commit. */
  changesStorefront?: boolean;
  /** Returns the output it committed (later steps of the same runner read it). */
  run(context: StepContext): Promise<Record<string, unknown>>;
}
