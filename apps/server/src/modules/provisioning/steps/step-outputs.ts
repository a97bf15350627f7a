/**
 * What each provisioning step hands to the later ones: its output's schema and type, checked
 * once when a run is loaded (provisioning-state.ts), typed for every step after it.
 */
import { z } from 'zod';
import type { ProvisioningStepKey } from '@orbit360/contracts';

/** What each step records in `output`, checked once when a run is loaded. */
export const stepOutputSchemas = {
  workspace: z.object({ tenantId: z.string(), merchantCode: z.string(), namespace: z.string() }),
  dashboard: z.object({ dashboardUrl: z.string(), ownerAccountId: z.string() }),
  website: z.object({ slug: z.string(), websiteUrl: z.string(), siteVersionId: z.string() }),
  data: z.object({}).strict(),
  credentials: z.object({ emailId: z.string().nullable() }),
  golive: z.object({ liveAt: z.string() }),
} satisfies Record<ProvisioningStepKey, z.ZodType>;

export type StepOutputs = { [K in ProvisioningStepKey]: z.infer<(typeof stepOutputSchemas)[K]> };
/** The outputs of a run's completed steps, typed by step key. */
export type RunOutputs = Partial<StepOutputs>;

/** The steps before each one: their outputs are what a step receives. */
const PRIOR = {
  workspace: [],
  dashboard: ['workspace'],
  website: ['workspace', 'dashboard'],
  data: ['workspace', 'dashboard', 'website'],
  credentials: ['workspace', 'dashboard', 'website', 'data'],
  golive: ['workspace', 'dashboard', 'website', 'data', 'credentials'],
} as const satisfies Record<ProvisioningStepKey, readonly ProvisioningStepKey[]>;

export type PriorOutputs<K extends ProvisioningStepKey> = Pick<
  StepOutputs,
  (typeof PRIOR)[K][number]
>;

/** A run's completed outputs, as loaded (invalid ones are a bug: they fail the load). */
export function parseOutputs(
  steps: { key: ProvisioningStepKey; status: string; output: unknown }[],
): RunOutputs {
  const outputs: Record<string, unknown> = {};
  for (const step of steps) {
    if (step.status !== 'completed') continue;
    outputs[step.key] = stepOutputSchemas[step.key].parse(step.output ?? {});
  }
  return outputs as RunOutputs;
}

/** The outputs a step receives: every earlier step's, or a bug if one is missing. */
export function priorOutputs<K extends ProvisioningStepKey>(key: K, outputs: RunOutputs) {
  for (const prior of PRIOR[key]) {
    if (!outputs[prior]) throw new Error(`provisioning step ${key} ran before ${prior}`);
  }
  return outputs as PriorOutputs<K>;
}
