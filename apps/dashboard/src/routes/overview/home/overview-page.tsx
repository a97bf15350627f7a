import {
  Alert,
  Button,
  Card,
  ErrorState,
  PageHeader,
  Skeleton,
  Spinner,
  StatCard,
} from '@orbit360/ui';
import type { MerchantOverview } from '@orbit360/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { CreditCard, ExternalLink, ListChecks, Palette, Store } from 'lucide-react';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { endSession } from '../../../lib/api-client.js';
import { useOverview } from '../../../hooks/api/overview.js';
import { formatPrice } from '../../../lib/format.js';
import { rememberEmail } from '../../../lib/login-hints.js';
import { useSession, type MerchantSession } from '../../../lib/session-store.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { OnboardingChecklist } from './components/onboarding-checklist.js';
import { StoreDetails } from './components/store-details.js';
import { StoreStatusBadge } from './components/store-status-badge.js';
import { UsageCard } from './components/usage-card.js';

const STATUS_WORD = { live: 'Live', provisioning: 'Setting up', suspended: 'Suspended' } as const;

function OverviewSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading your store" data-testid="loading-state">
      <Skeleton className="mb-2 h-8 w-64" />
      <Skeleton className="mb-8 h-4 w-80" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Card key={i} className="p-4">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="mt-3 h-7 w-28" />
          </Card>
        ))}
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <Skeleton className="h-72 lg:col-span-3" />
        <Skeleton className="h-72 lg:col-span-2" />
      </div>
    </div>
  );
}

/**
 * `?merchant=` is only a hint from a link. The data shown always belongs to the signed-in
 * session; when the hint names another store we say so instead of switching.
 */
function isOtherMerchant(hint: string, session: MerchantSession, overview: MerchantOverview) {
  const own = [session.merchant.merchantId, overview.merchant.id, overview.merchant.merchantCode];
  return !own.includes(hint);
}

function StoreNotices({ overview }: { overview: MerchantOverview }) {
  if (overview.store.status === 'provisioning') {
    return (
      <Alert tone="info" title="We are setting up your store" data-testid="provisioning-notice">
        <span className="inline-flex items-center gap-2">
          <Spinner size="sm" label={null} /> This page updates by itself when your store goes live.
        </span>
      </Alert>
    );
  }
  if (overview.store.status === 'suspended') {
    return (
      <Alert tone="danger" title="Your store is suspended">
        Your website is offline for now. Contact the Orbit360 team to reactivate it.
      </Alert>
    );
  }
  return null;
}

export function OverviewPage() {
  const session = useSession()!;
  const [params] = useSearchParams();
  const hint = params.get('merchant');
  const queryClient = useQueryClient();
  const overview = useOverview(session.merchant.tenantId);
  const data = overview.data;
  useDocumentTitle(data ? `${data.store.name} overview` : 'Overview');

  useEffect(() => {
    if (data) rememberEmail([data.merchant.merchantCode, data.merchant.id], data.account.email);
  }, [data]);

  if (overview.isPending) return <OverviewSkeleton />;
  if (overview.isError || !data) {
    return (
      <Card>
        <ErrorState
          title="We could not load your store"
          error={overview.error}
          onRetry={() => void overview.refetch()}
        />
      </Card>
    );
  }

  const { store, plan, theme, onboarding } = data;
  return (
    <div className="space-y-6" data-testid="overview">
      {hint && isOtherMerchant(hint, session, data) && (
        <Alert
          tone="warning"
          title="This link is for a different store"
          data-testid="merchant-mismatch"
          action={
            <Button
              variant="outline"
              size="sm"
              onClick={() => {
                endSession();
                queryClient.clear();
              }}
            >
              Switch account
            </Button>
          }
        >
          You are signed in to {store.name}, so you are seeing your own store. To open another
          store, sign in with its account.
        </Alert>
      )}
      <PageHeader
        className="mb-0"
        title={<span data-testid="store-name">{store.name}</span>}
        badge={<StoreStatusBadge status={store.status} />}
        description={`Welcome back, ${data.merchant.ownerName}. Here is how your store is doing.`}
        actions={
          store.websiteUrl &&
          store.status === 'live' && (
            <Button asChild>
              <a href={store.websiteUrl} target="_blank" rel="noopener noreferrer">
                <ExternalLink /> Open website
              </a>
            </Button>
          )
        }
      />
      <StoreNotices overview={data} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          label="Store status"
          icon={<Store />}
          value={<span data-testid="stat-status">{STATUS_WORD[store.status]}</span>}
          hint={store.slug ? `${store.slug}` : undefined}
        />
        <StatCard
          label="Plan"
          icon={<CreditCard />}
          value={<span data-testid="stat-plan">{plan?.name ?? '—'}</span>}
          hint={
            plan
              ? `${formatPrice(plan.priceCents, plan.currency)} / ${plan.interval}`
              : 'No plan yet'
          }
        />
        <StatCard
          label="Theme"
          icon={<Palette />}
          value={<span data-testid="stat-theme">{theme?.name ?? '—'}</span>}
          hint={theme ? 'Published on your website' : 'No theme yet'}
        />
        <StatCard
          label="Onboarding"
          icon={<ListChecks />}
          value={
            <span className="tabular-nums">
              {onboarding.completed}/{onboarding.total}
            </span>
          }
          hint="tasks done"
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <StoreDetails overview={data} />
        </div>
        <div className="space-y-6 lg:col-span-2">
          <OnboardingChecklist onboarding={onboarding} />
          <UsageCard tenantId={session.merchant.tenantId} />
        </div>
      </div>
    </div>
  );
}
