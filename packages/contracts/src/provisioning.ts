import { z } from 'zod';
import { Timestamp } from './common.js';
import type { ProvisioningStepKey } from './events.js';
import { currencyCodeSchema, localeSchema, timezoneSchema } from './locale.js';

/**
 * The six provisioning steps, in order, with the progress (percent) each one reaches when it
 * completes. The server runs them in this order; clients render them from this list.
 */
export const PROVISIONING_STEPS = [
  { key: 'workspace', label: 'Workspace creation', progress: 25 },
  { key: 'dashboard', label: 'Dashboard setup', progress: 40 },
  { key: 'website', label: 'Website deployment', progress: 60 },
  { key: 'data', label: 'Data initialization', progress: 80 },
  { key: 'credentials', label: 'Credential delivery', progress: 95 },
  { key: 'golive', label: 'Go live', progress: 100 },
] as const satisfies readonly { key: ProvisioningStepKey; label: string; progress: number }[];

export const PROVISIONING_STEP_KEYS = PROVISIONING_STEPS.map((s) => s.key) as [
  ProvisioningStepKey,
  ...ProvisioningStepKey[],
];
export const ProvisioningStepKeySchema = z.enum(PROVISIONING_STEP_KEYS);

export const PROVISIONING_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const ProvisioningStatusValue = z.enum(PROVISIONING_STATUSES);
export type ProvisioningStatusValue = z.infer<typeof ProvisioningStatusValue>;

export const STEP_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export const StepStatus = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof StepStatus>;

/** A store slug: lowercase letters, digits and inner dashes, 2–40 characters. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/;
export const StoreSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, 'must be 2-40 lowercase letters, digits or dashes (no dash at the ends)');

export const ActivationSettings = z.object({
  storeName: z.string().trim().min(1).max(120).optional(),
  slug: StoreSlug.optional(),
  currency: currencyCodeSchema.optional(),
  timezone: timezoneSchema.optional(),
  locale: localeSchema.optional(),
  features: z
    .record(z.string().max(40), z.boolean())
    .optional()
    .describe("the chosen theme's feature toggles, e.g. { announcementBar: true }"),
});
export type ActivationSettings = z.infer<typeof ActivationSettings>;

export const ActivateMerchantBody = z.object({
  themeId: z.string().max(64),
  planId: z.string().max(64),
  settings: ActivationSettings.optional(),
});
export type ActivateMerchantBody = z.infer<typeof ActivateMerchantBody>;

export const StepError = z.object({
  message: z.string().describe('sanitized: never a stack trace, SQL, host name or secret'),
  attempt: z.number().int(),
});

export const ProvisioningStep = z.object({
  key: ProvisioningStepKeySchema,
  label: z.string(),
  status: StepStatus,
  progress: z.number().int().describe('the progress the provisioning reaches with this step'),
  attempts: z.number().int(),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  durationMs: z.number().int().nullable(),
  error: StepError.nullable(),
  nextRetryAt: Timestamp.nullable().describe('set while an automatic retry is scheduled'),
});
export type ProvisioningStep = z.infer<typeof ProvisioningStep>;

export const Deployment = z.object({
  merchantId: z.string().nullable().describe('merchant_<short id>'),
  tenantNamespace: z.string().nullable(),
  dashboardUrl: z.string().nullable(),
  websiteUrl: z.string().nullable(),
});
export type Deployment = z.infer<typeof Deployment>;

export const ProvisioningStatus = z.object({
  id: z.uuid(),
  merchantId: z.uuid(),
  storeId: z.uuid().nullable().describe('the tenant id, once the workspace exists'),
  status: ProvisioningStatusValue,
  progress: z.number().int(),
  currentStep: ProvisioningStepKeySchema.nullable(),
  attempts: z.number().int().describe('attempts made across all steps'),
  themeId: z.uuid(),
  planId: z.uuid(),
  queuedAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  durationMs: z.number().int().nullable(),
  error: z
    .object({ step: ProvisioningStepKeySchema, message: z.string(), attempt: z.number().int() })
    .nullable(),
  steps: z.array(ProvisioningStep),
  deployment: Deployment,
});
export type ProvisioningStatus = z.infer<typeof ProvisioningStatus>;

export const BulkActivateBody = z.object({
  merchantIds: z.array(z.string().max(64)).min(1).max(500),
  themeId: z.string().max(64),
  planId: z.string().max(64),
});
export type BulkActivateBody = z.infer<typeof BulkActivateBody>;

export const BulkActivateResult = z.object({
  merchantId: z.string(),
  result: z.enum(['accepted', 'already_provisioned', 'not_found', 'rejected']),
  provisioningId: z.uuid().nullable(),
  status: ProvisioningStatusValue.nullable(),
  message: z.string().nullable(),
});
export type BulkActivateResult = z.infer<typeof BulkActivateResult>;

export const BulkActivateResponse = z.object({ results: z.array(BulkActivateResult) });
export type BulkActivateResponse = z.infer<typeof BulkActivateResponse>;

export const SlugAvailabilityQuery = z.object({ slug: z.string().max(80) });
export const SlugAvailability = z.object({
  slug: z.string(),
  isValid: z.boolean(),
  isAvailable: z.boolean(),
  suggestion: z.string().nullable().describe('a free slug derived from the requested one'),
  message: z.string().nullable(),
});
export type SlugAvailability = z.infer<typeof SlugAvailability>;
