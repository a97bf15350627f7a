import { asc, eq } from 'drizzle-orm';
import {
  PROVISIONING_STEPS,
  type Deployment,
  type ProvisioningStatus,
  type ProvisioningStepKey,
} from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';
import { merchants } from '../merchants/index.js';
import { provisioningSteps, provisionings } from './provisioning.table.js';

export type RunRow = typeof provisionings.$inferSelect;
export type StepRow = typeof provisioningSteps.$inferSelect;
/** The merchant's owner, who gets the owner account and the welcome email. */
export interface Owner {
  email: string;
  name: string;
}

/** What steps record in `output` (read back for the deployment block and by later steps). */
export interface StepOutputs {
  workspace: { tenantId: string; merchantCode: string; namespace: string };
  dashboard: { dashboardUrl: string; ownerAccountId: string };
  website: { slug: string; websiteUrl: string; siteVersionId: string };
  data: Record<string, never>;
  credentials: { emailId: string | null };
  golive: { liveAt: string };
}

export const stepInfo = (key: ProvisioningStepKey) => {
  const index = PROVISIONING_STEPS.findIndex((s) => s.key === key);
  return { ...PROVISIONING_STEPS[index]!, index, next: PROVISIONING_STEPS[index + 1]?.key };
};

export const outputOf = <K extends ProvisioningStepKey>(steps: StepRow[], key: K) =>
  steps.find((s) => s.key === key)?.output as Partial<StepOutputs[K]> | undefined;

/** The run of a merchant (or by id), its steps in order and its owner; undefined when never activated. */
export async function loadRun(
  db: Executor,
  by: { merchantId: string } | { provisioningId: string },
): Promise<{ run: RunRow; steps: StepRow[]; owner: Owner } | undefined> {
  const where =
    'merchantId' in by
      ? eq(provisionings.merchantId, by.merchantId)
      : eq(provisionings.id, by.provisioningId);
  const rows = await db
    .select({
      run: provisionings,
      step: provisioningSteps,
      owner: { email: merchants.email, name: merchants.ownerName },
    })
    .from(provisionings)
    .innerJoin(provisioningSteps, eq(provisioningSteps.provisioningId, provisionings.id))
    .innerJoin(merchants, eq(merchants.id, provisionings.merchantId))
    .where(where)
    .orderBy(asc(provisioningSteps.position));
  if (!rows.length) return undefined;
  return { run: rows[0]!.run, steps: rows.map((r) => r.step), owner: rows[0]!.owner };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const durationBetween = (start: Date | null, end: Date | null) =>
  start && end ? Math.max(0, Math.round(end.getTime() - start.getTime())) : null;

export function toDeployment(steps: StepRow[]): Deployment {
  const workspace = outputOf(steps, 'workspace');
  return {
    merchantId: workspace?.merchantCode ?? null,
    tenantNamespace: workspace?.namespace ?? null,
    dashboardUrl: outputOf(steps, 'dashboard')?.dashboardUrl ?? null,
    websiteUrl: outputOf(steps, 'website')?.websiteUrl ?? null,
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
    deployment: toDeployment(steps),
  };
}
