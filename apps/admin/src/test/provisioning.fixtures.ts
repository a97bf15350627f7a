import {
  PROVISIONING_STEPS,
  type ProvisioningStatus,
  type ProvisioningStep,
} from '@orbit360/contracts';

export const MERCHANT_ID = '8000876d-816f-4958-b8da-4545d9fc59f2';

type StepOverride = Partial<ProvisioningStep>;

/**
 * A provisioning status shaped like GET /api/provisioning/merchants/:id/provisioning-status:
 * the first `completed` steps done, then optionally one running or failed step.
 */
export function provisioningStatus(options: {
  completed: number;
  status: ProvisioningStatus['status'];
  current?: StepOverride;
  error?: ProvisioningStatus['error'];
}): ProvisioningStatus {
  const start = Date.parse('2026-03-04T10:00:00.000Z');
  const steps: ProvisioningStep[] = PROVISIONING_STEPS.map((def, i) => {
    const at = (ms: number) => new Date(start + i * 100 + ms).toISOString();
    if (i < options.completed)
      return {
        key: def.key,
        label: def.label,
        status: 'completed',
        progress: def.progress,
        attempts: 1,
        startedAt: at(0),
        finishedAt: at(42),
        durationMs: 42,
        error: null,
        nextRetryAt: null,
      };
    const base: ProvisioningStep = {
      key: def.key,
      label: def.label,
      status: 'pending',
      progress: def.progress,
      attempts: 0,
      startedAt: null,
      finishedAt: null,
      durationMs: null,
      error: null,
      nextRetryAt: null,
    };
    return i === options.completed && options.current ? { ...base, ...options.current } : base;
  });
  const done = options.status === 'completed';
  return {
    id: '6cf52e6d-0b5d-41f2-9e7b-c8d43148a9ea',
    merchantId: MERCHANT_ID,
    storeId: options.completed > 0 ? '98107bd4-aa29-471e-9845-6ddc5eaed840' : null,
    status: options.status,
    progress: options.completed > 0 ? PROVISIONING_STEPS[options.completed - 1]!.progress : 0,
    currentStep: done ? null : (PROVISIONING_STEPS[options.completed]?.key ?? null),
    attempts: steps.reduce((n, s) => n + s.attempts, 0),
    themeId: '6e36a895-d5cc-4e5c-81de-a8905dbaeb14',
    planId: 'b0148471-175a-4c2b-bfb0-17f5b9851d76',
    queuedAt: new Date(start - 5).toISOString(),
    startedAt: new Date(start).toISOString(),
    finishedAt: done || options.status === 'failed' ? new Date(start + 700).toISOString() : null,
    durationMs: done ? 705 : null,
    error: options.error ?? null,
    steps,
    deployment: {
      merchantId: options.completed > 0 ? 'merchant_8000876d816f' : null,
      tenantNamespace: options.completed > 0 ? 'tenant_merchant_8000876d816f' : null,
      dashboardUrl:
        options.completed > 1 ? 'http://localhost:3003/?merchant=merchant_8000876d816f' : null,
      websiteUrl: options.completed > 2 ? 'http://acme-outdoor-co.localhost:5000/' : null,
    },
  };
}
