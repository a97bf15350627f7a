import {
  PROVISIONING_STEPS,
  type ProvisioningStatus as ProvisioningStatusData,
  type ProvisioningStep,
} from '@orbit360/contracts';
import {
  Alert,
  Badge,
  Button,
  ErrorState,
  Progress,
  Skeleton,
  Spinner,
  cn,
  errorMessage,
  queryKeys,
  type BadgeTone,
} from '@orbit360/ui';
import { useQueryClient } from '@tanstack/react-query';
import {
  CheckCircle2,
  Circle,
  ExternalLink,
  LayoutDashboard,
  RotateCw,
  XCircle,
} from 'lucide-react';
import { formatDuration } from '../../../lib/format.js';
import { invalidateSoon } from '../../../lib/invalidate-soon.js';
import { useRealtimeEvent, useRealtimeStatus } from '../../../lib/realtime.js';
import { useProvisioningStatus, useRetryProvisioning } from '../../../hooks/api/provisioning.js';

export interface ProvisioningStatusProps {
  /** The merchant whose provisioning is shown. */
  storeId: string;
  /** Keep the status fresh while it runs (realtime events; polling when the socket is down). */
  autoRefresh?: boolean;
  /** Polling period in ms when the realtime socket is not open. */
  refreshInterval?: number;
  /** Compact variant for table rows: progress bar and current step only. */
  compact?: boolean;
  className?: string;
}

const STATUS_BADGE: Record<ProvisioningStatusData['status'], { tone: BadgeTone; label: string }> = {
  queued: { tone: 'gray', label: 'Queued' },
  running: { tone: 'blue', label: 'Provisioning' },
  completed: { tone: 'green', label: 'Completed' },
  failed: { tone: 'red', label: 'Failed' },
};

const isTerminal = (status: ProvisioningStatusData['status'] | undefined) =>
  status === 'completed' || status === 'failed';

/**
 * Live status of a merchant's provisioning: progress, the six steps with their state,
 * duration and attempts, the sanitized error with a Retry button, and the URLs once live.
 * Realtime events for this merchant trigger a re-read; polling is only the fallback.
 */
export function ProvisioningStatus({
  storeId,
  autoRefresh = true,
  refreshInterval = 2000,
  compact = false,
  className,
}: ProvisioningStatusProps) {
  const queryClient = useQueryClient();
  const realtime = useRealtimeStatus();
  const query = useProvisioningStatus(storeId, {
    refetchInterval: (q) =>
      autoRefresh && realtime !== 'open' && !isTerminal(q.state.data?.status ?? undefined)
        ? refreshInterval
        : false,
  });

  useRealtimeEvent((event) => {
    if (!autoRefresh || !event.type.startsWith('provisioning.')) return;
    const data = event.data as { merchantId?: string };
    if (data.merchantId !== storeId) return;
    invalidateSoon(queryClient, [
      queryKeys.provisioning.status(storeId),
      queryKeys.merchants.detail(storeId),
    ]);
  });

  if (query.isPending) return <StatusSkeleton compact={compact} />;
  if (query.isError)
    return (
      <ErrorState
        title="Could not load the provisioning status"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  const status = query.data;
  if (!status)
    return (
      <p className={cn('text-sm text-fg-muted', className)} data-testid="provisioning-none">
        This merchant has not been activated yet.
      </p>
    );

  if (compact) return <CompactStatus status={status} className={className} />;

  const badge = STATUS_BADGE[status.status];
  const retries = status.steps.reduce((sum, step) => sum + Math.max(0, step.attempts - 1), 0);
  return (
    <section
      className={cn('space-y-5', className)}
      aria-label="Provisioning status"
      data-testid="provisioning-status"
      data-status={status.status}
    >
      <div className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex items-center gap-3">
            <span
              className="text-3xl font-semibold tracking-tight text-fg tabular-nums"
              data-testid="provisioning-percent"
            >
              {status.progress}%
            </span>
            <Badge
              tone={badge.tone}
              dot={status.status === 'running' || status.status === 'queued' ? 'pulse' : true}
              data-testid="provisioning-state"
            >
              {badge.label}
            </Badge>
          </div>
          <p className="text-sm text-fg-muted">
            {status.durationMs !== null
              ? `${status.status === 'failed' ? 'Stopped after' : 'Finished in'} ${formatDuration(status.durationMs)}`
              : status.status === 'queued'
                ? 'Waiting for a worker…'
                : 'Working…'}
            {retries > 0 && (
              <span className="ml-2 text-amber-700" data-testid="provisioning-retries">
                · {retries} retr{retries === 1 ? 'y' : 'ies'}
              </span>
            )}
          </p>
        </div>
        <Progress
          value={status.progress}
          size="lg"
          label="Provisioning progress"
          data-testid="provisioning-progress"
          tone={
            status.status === 'failed' ? 'red' : status.status === 'completed' ? 'green' : 'brand'
          }
          active={status.status === 'running'}
        />
      </div>

      <ol className="divide-y divide-border overflow-hidden rounded-xl border border-border">
        {orderedSteps(status).map((step, index) => (
          <StepRow key={step.key} step={step} index={index} />
        ))}
      </ol>

      {status.status === 'failed' && <FailurePanel status={status} storeId={storeId} />}
      {status.status === 'completed' && <LinksPanel status={status} />}
    </section>
  );
}

/** The server's steps in the canonical order, with placeholders before it reports them. */
function orderedSteps(status: ProvisioningStatusData): ProvisioningStep[] {
  return PROVISIONING_STEPS.map(
    (def) =>
      status.steps.find((s) => s.key === def.key) ?? {
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
      },
  );
}

function StepIcon({ status }: { status: ProvisioningStep['status'] }) {
  if (status === 'completed')
    return <CheckCircle2 className="size-5 text-emerald-600" aria-hidden />;
  if (status === 'failed') return <XCircle className="size-5 text-red-600" aria-hidden />;
  if (status === 'running') return <Spinner size="md" label={null} />;
  return <Circle className="size-5 text-gray-300" aria-hidden />;
}

const STEP_STATUS_TEXT: Record<ProvisioningStep['status'], string> = {
  pending: 'Pending',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

function StepRow({ step, index }: { step: ProvisioningStep; index: number }) {
  return (
    <li
      className={cn(
        'flex items-start gap-3 px-4 py-3 transition-colors',
        step.status === 'running' && 'bg-brand-50/50',
        step.status === 'failed' && 'bg-red-50/60',
      )}
      data-testid="provisioning-step"
      data-step={step.key}
      data-status={step.status}
      aria-label={`${step.label}: ${STEP_STATUS_TEXT[step.status]}`}
    >
      <span className="mt-0.5 shrink-0">
        <StepIcon status={step.status} />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <p
            className={cn(
              'text-sm font-medium',
              step.status === 'pending' ? 'text-fg-muted' : 'text-fg',
            )}
          >
            <span className="mr-1.5 text-fg-subtle tabular-nums">{index + 1}.</span>
            {step.label}
          </p>
          <p className="flex items-center gap-3 text-xs text-fg-subtle tabular-nums">
            {step.attempts > 1 && (
              <span data-testid="step-attempts" className="font-medium text-amber-700">
                {step.attempts} attempts
              </span>
            )}
            <span data-testid="step-duration">
              {step.durationMs !== null
                ? formatDuration(step.durationMs)
                : STEP_STATUS_TEXT[step.status]}
            </span>
            <span className="w-9 text-right">{step.progress}%</span>
          </p>
        </div>
        {step.error && (
          <p className="mt-1 text-xs text-red-700" data-testid="step-error">
            {step.error.message}
            {step.nextRetryAt && step.status !== 'failed' && ' — retrying automatically'}
          </p>
        )}
      </div>
    </li>
  );
}

function FailurePanel({ status, storeId }: { status: ProvisioningStatusData; storeId: string }) {
  const retry = useRetryProvisioning(storeId);
  const stepLabel = PROVISIONING_STEPS.find((s) => s.key === status.error?.step)?.label ?? 'A step';
  return (
    <Alert
      tone="danger"
      title={`${stepLabel} failed${status.error ? ` after ${status.error.attempt} attempt${status.error.attempt === 1 ? '' : 's'}` : ''}`}
      data-testid="provisioning-error"
      action={
        <Button
          variant="danger"
          size="sm"
          onClick={() => retry.mutate()}
          loading={retry.isPending}
          data-testid="provisioning-retry"
        >
          <RotateCw /> Retry
        </Button>
      }
    >
      <p>{status.error?.message ?? 'The provisioning stopped with an error.'}</p>
      <p className="mt-1 text-xs opacity-80">
        Retrying resumes at the failed step; completed steps are kept.
      </p>
      {retry.isError && <p className="mt-1 font-medium">{errorMessage(retry.error)}</p>}
    </Alert>
  );
}

function LinksPanel({ status }: { status: ProvisioningStatusData }) {
  const { websiteUrl, dashboardUrl } = status.deployment;
  return (
    <div
      className="flex flex-col gap-3 rounded-xl border border-emerald-200 bg-emerald-50/70 p-4 md:flex-row md:items-center md:justify-between"
      data-testid="provisioning-complete"
    >
      <div className="flex min-w-0 items-center gap-3">
        <CheckCircle2 className="size-5 shrink-0 text-emerald-600" aria-hidden />
        <div>
          <p className="text-sm font-semibold text-emerald-900">Provisioning complete</p>
          <p className="text-xs text-emerald-800/80">
            The store went live and its owner was emailed a link to set a password.
          </p>
        </div>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        {websiteUrl && (
          <Button asChild variant="outline" size="sm">
            <a href={websiteUrl} target="_blank" rel="noreferrer" data-testid="website-url">
              <ExternalLink /> Visit website
            </a>
          </Button>
        )}
        {dashboardUrl && (
          <Button asChild variant="outline" size="sm">
            <a href={dashboardUrl} target="_blank" rel="noreferrer" data-testid="dashboard-url">
              <LayoutDashboard /> Merchant dashboard
            </a>
          </Button>
        )}
      </div>
    </div>
  );
}

function CompactStatus({
  status,
  className,
}: {
  status: ProvisioningStatusData;
  className?: string;
}) {
  const current = PROVISIONING_STEPS.find((s) => s.key === status.currentStep);
  return (
    <div
      className={cn('min-w-40 space-y-1.5', className)}
      data-testid="provisioning-compact"
      data-status={status.status}
    >
      <div className="flex items-center justify-between gap-2 text-xs">
        <span
          className={cn('truncate', status.status === 'failed' ? 'text-red-700' : 'text-fg-muted')}
        >
          {status.status === 'completed'
            ? 'Completed'
            : status.status === 'failed'
              ? `Failed: ${current?.label ?? 'step'}`
              : (current?.label ?? 'Queued')}
        </span>
        <span className="font-medium text-fg tabular-nums">{status.progress}%</span>
      </div>
      <Progress
        value={status.progress}
        size="sm"
        label="Provisioning progress"
        tone={
          status.status === 'failed' ? 'red' : status.status === 'completed' ? 'green' : 'brand'
        }
      />
    </div>
  );
}

function StatusSkeleton({ compact }: { compact: boolean }) {
  if (compact) return <Skeleton className="h-6 w-40" />;
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading provisioning status">
      <Skeleton className="h-8 w-32" />
      <Skeleton className="h-3 w-full" />
      <div className="space-y-2">
        {PROVISIONING_STEPS.map((s) => (
          <Skeleton key={s.key} className="h-11 w-full" />
        ))}
      </div>
    </div>
  );
}
