import { asc, eq, inArray } from 'drizzle-orm';
import {
  PROVISIONING_STEPS,
  type Deployment,
  type ProvisioningStatus,
  type ProvisioningStepKey,
} from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';
import { merchants } from '../merchants/index.js';
import { provisioningSteps, provisionings } from './provisioning.table.js';
import { parseOutputs, type RunOutputs } from './steps/step-outputs.js';

export type RunRow = typeof provisionings.$inferSelect;
export type StepRow = typeof provisioningSteps.$inferSelect;
/** The merchant's owner, who gets the owner account and the welcome email. */
export interface Owner {
  email: string;
  name: string;
}

export const stepInfo = (key: ProvisioningStepKey) => {
  const index = PROVISIONING_STEPS.findIndex((s) => s.key === key);
  return { ...PROVISIONING_STEPS[index]!, index, next: PROVISIONING_STEPS[index + 1]?.key };
};

export interface RunState {
  run: RunRow;
  steps: StepRow[];
  /** The completed steps' outputs, typed and checked once here. */
  outputs: RunOutputs;
  owner: Owner;
}

const runStateQuery = (db: Executor) =>
  db
    .select({
      run: provisionings,
      step: provisioningSteps,
      owner: { email: merchants.email, name: merchants.ownerName },
    })
    .from(provisionings)
    .innerJoin(provisioningSteps, eq(provisioningSteps.provisioningId, provisionings.id))
    .innerJoin(merchants, eq(merchants.id, provisionings.merchantId));

type RunStateRow = Awaited<ReturnType<ReturnType<typeof runStateQuery>['execute']>>[number];

function toRunStates(rows: RunStateRow[]): Map<string, RunState> {
  const states = new Map<string, RunState>();
  for (const row of rows) {
    const state = states.get(row.run.id);
    if (state) state.steps.push(row.step);
    else states.set(row.run.id, { run: row.run, steps: [row.step], outputs: {}, owner: row.owner });
  }
  for (const state of states.values()) {
    state.steps.sort((a, b) => a.position - b.position);
    state.outputs = parseOutputs(state.steps);
  }
  return states;
}

/** The run of a merchant (or by id), its steps in order and its owner; undefined when never activated. */
export async function loadRun(
  db: Executor,
  by: { merchantId: string } | { provisioningId: string },
): Promise<RunState | undefined> {
  const where =
    'merchantId' in by
      ? eq(provisionings.merchantId, by.merchantId)
      : eq(provisionings.id, by.provisioningId);
  const rows = await runStateQuery(db).where(where).orderBy(asc(provisioningSteps.position));
  return toRunStates(rows).values().next().value;
}

/** `loadRun` for several runs by id, in one query; one state (or undefined) per id, in order. */
export async function loadRuns(
  db: Executor,
  provisioningIds: string[],
): Promise<(RunState | undefined)[]> {
  const states = toRunStates(
    await runStateQuery(db).where(inArray(provisionings.id, provisioningIds)),
  );
  return provisioningIds.map((id) => states.get(id));
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const durationBetween = (start: Date | null, end: Date | null) =>
  start && end ? Math.max(0, Math.round(end.getTime() - start.getTime())) : null;

export function toDeployment(outputs: RunOutputs): Deployment {
  return {
    merchantId: outputs.workspace?.merchantCode ?? null,
    tenantNamespace: outputs.workspace?.namespace ?? null,
    dashboardUrl: outputs.dashboard?.dashboardUrl ?? null,
    websiteUrl: outputs.website?.websiteUrl ?? null,
  };
}

export function toProvisioningStatus(run: RunRow, steps: StepRow[]): ProvisioningStatus {
  return {
    id: run.id,
    merchantId: run.merchantId,
    storeId: run.tenantId,
    status: run.status,
    progress: run.progress,
    currentStep: run.status === 'completed' ? null : (run.currentStep ?? null),
    attempts: steps.reduce((sum, s) => sum + s.attempts, 0),
    themeId: run.themeId,
    planId: run.planId,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    durationMs: durationBetween(run.queuedAt, run.finishedAt),
    error: run.error ?? null,
    steps: steps.map((s) => ({
      key: s.key,
      label: stepInfo(s.key).label,
      status: s.status,
      progress: stepInfo(s.key).progress,
      attempts: s.attempts,
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.finishedAt),
      durationMs: s.durationMs,
      error: s.error ?? null,
      nextRetryAt: iso(s.retryAt),
    })),
    deployment: toDeployment(parseOutputs(steps)),
  };
}
