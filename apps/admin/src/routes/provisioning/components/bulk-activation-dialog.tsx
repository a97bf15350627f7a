import type { BulkActivateResult, Merchant } from '@orbit360/contracts';
import {
  Alert,
  Badge,
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  ErrorState,
  Progress,
  Skeleton,
  errorMessage,
  type BadgeTone,
} from '@orbit360/ui';
import { useQueries } from '@tanstack/react-query';
import { Rocket } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../../lib/api.js';
import { useRealtimeStatus } from '../../../lib/realtime.js';
import { usePlans } from '../../../hooks/api/plans.js';
import { useThemes } from '../../../hooks/api/themes.js';
import { provisioningStatusQuery, useBulkActivate } from '../../../hooks/api/provisioning.js';
import { PlanCards, ThemeCards } from './option-cards.js';
import { ProvisioningStatus } from './provisioning-status.js';

export interface BulkActivationDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  merchants: Pick<Merchant, 'id' | 'storeName'>[];
  /** Called when the activation request was accepted (the selection can be cleared). */
  onSubmitted?(): void;
}

const RESULT_META: Record<BulkActivateResult['result'], { label: string; tone: BadgeTone }> = {
  accepted: { label: 'Started', tone: 'blue' },
  already_provisioned: { label: 'Already provisioned', tone: 'gray' },
  not_found: { label: 'Not found', tone: 'red' },
  rejected: { label: 'Rejected', tone: 'red' },
};

/** Activate several pending merchants with one theme and plan, then watch them all progress. */
export function BulkActivationDialog(props: BulkActivationDialogProps) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      {props.open && <BulkBody {...props} />}
    </Dialog>
  );
}

function BulkBody({ merchants, onSubmitted }: BulkActivationDialogProps) {
  const themes = useThemes();
  const plans = usePlans();
  const bulk = useBulkActivate();
  const [themeChoice, setThemeChoice] = useState<string | null>(null);
  const [planChoice, setPlanChoice] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<{
    merchants: BulkBodyMerchant[];
    results: BulkActivateResult[];
  } | null>(null);
  const themeId = themeChoice ?? themes.data?.[0]?.id ?? '';
  const planId = planChoice ?? (plans.data?.find((p) => p.isPopular) ?? plans.data?.[0])?.id ?? '';

  if (submitted) {
    return (
      <DialogContent
        size="lg"
        title={`Activating ${submitted.merchants.length} merchants`}
        description="Each store is provisioned independently; failures can be retried from the merchant's page."
        data-testid="bulk-progress"
        footer={
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        }
      >
        <BulkProgress merchants={submitted.merchants} results={submitted.results} />
      </DialogContent>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const snapshot = merchants.map((m) => ({ id: m.id, storeName: m.storeName }));
    bulk.mutate(
      { merchantIds: snapshot.map((m) => m.id), themeId, planId },
      {
        onSuccess: (response) => {
          setSubmitted({ merchants: snapshot, results: response.results });
          onSubmitted?.();
        },
      },
    );
  };

  const loadError = themes.error ?? plans.error;
  return (
    <DialogContent
      size="xl"
      title={`Activate ${merchants.length} merchant${merchants.length === 1 ? '' : 's'}`}
      description={merchants.map((m) => m.storeName).join(', ')}
      preventOutsideClose={bulk.isPending}
      data-testid="bulk-activation-modal"
      footer={
        <>
          <DialogClose asChild>
            <Button variant="outline" disabled={bulk.isPending}>
              Cancel
            </Button>
          </DialogClose>
          <Button
            type="submit"
            form="bulk-form"
            loading={bulk.isPending}
            disabled={!themeId || !planId || merchants.length === 0}
            data-testid="bulk-submit"
          >
            <Rocket /> Activate {merchants.length}
          </Button>
        </>
      }
    >
      {loadError ? (
        <ErrorState title="Could not load themes and plans" error={loadError} />
      ) : themes.isPending || plans.isPending ? (
        <div className="space-y-4">
          <Skeleton className="h-48 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      ) : (
        <form id="bulk-form" onSubmit={submit} className="space-y-6" noValidate>
          {bulk.isError && <Alert tone="danger">{errorMessage(bulk.error)}</Alert>}
          <section className="space-y-3">
            <h3 className="text-sm font-semibold text-fg">Theme</h3>
            <ThemeCards themes={themes.data ?? []} value={themeId} onChange={setThemeChoice} />
          </section>
          <section className="space-y-3">
            <h3 className="text-sm font-semibold text-fg">Plan</h3>
            <PlanCards plans={plans.data ?? []} value={planId} onChange={setPlanChoice} />
          </section>
          <p className="text-xs text-fg-muted">
            Store names and addresses are derived from each application; currency, time zone and
            features take their defaults and can be changed by the merchant later.
          </p>
        </form>
      )}
    </DialogContent>
  );
}

type BulkBodyMerchant = Pick<Merchant, 'id' | 'storeName'>;

function BulkProgress({
  merchants,
  results,
}: {
  merchants: BulkBodyMerchant[];
  results: BulkActivateResult[];
}) {
  const api = useApi();
  const realtime = useRealtimeStatus();
  const tracked = results.filter(
    (r) => r.result === 'accepted' || r.result === 'already_provisioned',
  );
  const statuses = useQueries({
    queries: tracked.map((r) => ({
      ...provisioningStatusQuery(api, r.merchantId),
      refetchInterval: realtime === 'open' ? (false as const) : 2000,
    })),
  });
  const done = statuses.filter((q) => q.data?.status === 'completed').length;
  const failed = statuses.filter((q) => q.data?.status === 'failed').length;
  const overall = tracked.length
    ? Math.round(statuses.reduce((sum, q) => sum + (q.data?.progress ?? 0), 0) / tracked.length)
    : 0;

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <div className="flex items-baseline justify-between text-sm">
          <span className="font-medium text-fg" data-testid="bulk-summary">
            {done} of {tracked.length} live{failed ? ` · ${failed} failed` : ''}
          </span>
          <span className="text-fg-muted tabular-nums">{overall}%</span>
        </div>
        <Progress
          value={overall}
          label="Overall progress"
          tone={
            failed ? 'yellow' : done === tracked.length && tracked.length > 0 ? 'green' : 'brand'
          }
        />
      </div>
      <ul className="divide-y divide-border rounded-xl border border-border">
        {results.map((result) => {
          const merchant = merchants.find((m) => m.id === result.merchantId);
          const meta = RESULT_META[result.result];
          const watch = result.result === 'accepted' || result.result === 'already_provisioned';
          return (
            <li
              key={result.merchantId}
              className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
              data-testid="bulk-row"
              data-merchant-id={result.merchantId}
            >
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-fg">
                  {merchant?.storeName ?? result.merchantId}
                </p>
                <Badge tone={meta.tone} className="mt-1">
                  {meta.label}
                </Badge>
                {result.message && <p className="mt-1 text-xs text-fg-muted">{result.message}</p>}
              </div>
              {watch && (
                <ProvisioningStatus
                  storeId={result.merchantId}
                  compact
                  autoRefresh
                  className="sm:w-56"
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
