import { formatPrice } from '@orbit360/contracts';
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  ConfirmDialog,
  CopyButton,
  DescriptionList,
  ErrorState,
  Field,
  PageHeader,
  Skeleton,
  Textarea,
  errorMessage,
  isApiError,
  useToast,
} from '@orbit360/ui';
import { ArrowLeft, ExternalLink, PauseCircle, PlayCircle, Rocket } from 'lucide-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../../lib/format.js';
import { useCanWrite } from '../../../lib/session.js';
import { usePlans } from '../../../hooks/api/plans.js';
import { MerchantActivationModal } from '../../provisioning/components/merchant-activation-modal.js';
import { ProvisioningStatus } from '../../provisioning/components/provisioning-status.js';
import { useProvisioningStatus } from '../../../hooks/api/provisioning.js';
import { ColorSwatches } from '../../themes/theme-preview.js';
import { useThemes } from '../../../hooks/api/themes.js';
import { MerchantStatusBadge } from '../merchant-status-badge.js';
import { useMerchant, useMerchantLifecycle } from '../../../hooks/api/merchants.js';
import { AuditTrail } from './audit-trail.js';
import { MerchantEmails } from './merchant-emails.js';
import { useDocumentTitle } from '../../../lib/document-title.js';

function UrlValue({ url, testId }: { url: string | null | undefined; testId: string }) {
  if (!url) return <span className="text-fg-subtle">Not deployed yet</span>;
  return (
    <span className="flex items-center gap-1">
      <a
        href={url}
        target="_blank"
        rel="noreferrer"
        className="inline-flex min-w-0 items-center gap-1 truncate text-brand-700 hover:underline"
        data-testid={testId}
      >
        <span className="truncate">{url.replace(/^https?:\/\//, '')}</span>
        <ExternalLink className="size-3 shrink-0" aria-hidden />
      </a>
      <CopyButton value={url} label="Copy URL" />
    </span>
  );
}

export function MerchantDetailPage() {
  const { id = '' } = useParams();
  const merchant = useMerchant(id);
  useDocumentTitle(merchant.data?.storeName ?? 'Merchant');
  // A pending merchant has no provisioning yet: don't ask (the 404 would be noise).
  const provisioning = useProvisioningStatus(id, {
    enabled: !!merchant.data && merchant.data.status !== 'pending',
  });
  const themes = useThemes(true);
  const plans = usePlans(true);
  const canWrite = useCanWrite();
  const toast = useToast();
  const [activateOpen, setActivateOpen] = useState(false);
  const [confirm, setConfirm] = useState<'suspend' | 'reactivate' | null>(null);
  const [reason, setReason] = useState('');
  const suspend = useMerchantLifecycle('suspend');
  const reactivate = useMerchantLifecycle('reactivate');
  const lifecycle = confirm === 'reactivate' ? reactivate : suspend;

  if (merchant.isPending)
    return (
      <div className="space-y-6">
        <Skeleton className="h-8 w-64" />
        <div className="grid gap-6 lg:grid-cols-3">
          <Skeleton className="h-96 lg:col-span-2" />
          <Skeleton className="h-96" />
        </div>
      </div>
    );
  if (merchant.isError)
    return (
      <ErrorState
        title={
          isApiError(merchant.error) && merchant.error.status === 404
            ? 'Merchant not found'
            : 'Could not load this merchant'
        }
        error={merchant.error}
        onRetry={() => void merchant.refetch()}
      />
    );

  const m = merchant.data;
  const themeId = m.themeId ?? provisioning.data?.themeId;
  const planId = m.planId ?? provisioning.data?.planId;
  const theme = themes.data?.find((t) => t.id === themeId);
  const plan = plans.data?.find((p) => p.id === planId);
  const deployment = provisioning.data?.deployment;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/merchants" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft className="size-3.5" /> Merchants
          </Link>
        }
        title={m.storeName}
        badge={<MerchantStatusBadge status={m.status} />}
        description={`Applied ${formatDateTime(m.createdAt)} by ${m.ownerName}`}
        actions={
          canWrite && (
            <>
              {m.status === 'pending' && (
                <Button onClick={() => setActivateOpen(true)} data-testid="activate-button">
                  <Rocket /> Activate
                </Button>
              )}
              {m.status === 'active' && (
                <Button
                  variant="outline"
                  onClick={() => setConfirm('suspend')}
                  data-testid="suspend-button"
                >
                  <PauseCircle /> Suspend
                </Button>
              )}
              {m.status === 'suspended' && (
                <Button onClick={() => setConfirm('reactivate')} data-testid="reactivate-button">
                  <PlayCircle /> Reactivate
                </Button>
              )}
            </>
          )
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              title="Provisioning"
              description="Each step, its duration and attempts, live."
            />
            <CardContent>
              {m.status === 'pending' && !provisioning.data ? (
                <div className="flex flex-col items-start gap-3 py-2">
                  <p className="text-sm text-fg-muted">
                    This application is waiting for activation. Choose a theme and a plan to create
                    the store.
                  </p>
                  {canWrite && (
                    <Button size="sm" onClick={() => setActivateOpen(true)}>
                      <Rocket /> Activate now
                    </Button>
                  )}
                </div>
              ) : (
                <ProvisioningStatus storeId={m.id} autoRefresh />
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader title="Audit trail" description="Who changed this merchant, and when." />
            <AuditTrail targetId={m.id} />
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Application" />
            <CardContent>
              <DescriptionList
                columns={1}
                items={[
                  { label: 'Owner', value: m.ownerName },
                  {
                    label: 'Email',
                    value: (
                      <a className="text-brand-700 hover:underline" href={`mailto:${m.email}`}>
                        {m.email}
                      </a>
                    ),
                  },
                  { label: 'Phone', value: m.phone ?? '—' },
                  { label: 'Country', value: m.country ?? '—' },
                  { label: 'Business type', value: m.businessType ?? '—' },
                  {
                    label: 'About the store',
                    value: m.description ? (
                      <span className="whitespace-normal">{m.description}</span>
                    ) : (
                      '—'
                    ),
                    testId: 'merchant-description',
                  },
                ]}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader
              title="Emails"
              description="What the owner was sent, and whether it arrived."
            />
            <MerchantEmails merchant={m} />
          </Card>
          <Card>
            <CardHeader title="Plan and theme" />
            <CardContent>
              <DescriptionList
                columns={1}
                items={[
                  {
                    label: 'Plan',
                    testId: 'merchant-plan',
                    value: plan
                      ? `${plan.name} · ${formatPrice(plan.priceCents, plan.currency)}/${plan.interval === 'year' ? 'yr' : 'mo'}`
                      : '—',
                  },
                  {
                    label: 'Theme',
                    testId: 'merchant-theme',
                    value: theme ? (
                      <span className="flex items-center gap-2">
                        {theme.name} <ColorSwatches preview={theme.preview} />
                      </span>
                    ) : (
                      '—'
                    ),
                  },
                ]}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader title="Deployment" />
            <CardContent>
              <DescriptionList
                columns={1}
                items={[
                  {
                    label: 'Website',
                    value: <UrlValue url={deployment?.websiteUrl} testId="merchant-website-url" />,
                  },
                  {
                    label: 'Merchant dashboard',
                    value: (
                      <UrlValue url={deployment?.dashboardUrl} testId="merchant-dashboard-url" />
                    ),
                  },
                  {
                    label: 'Merchant ID',
                    value: (
                      <code className="font-mono text-xs">
                        {deployment?.merchantId ?? m.merchantCode ?? '—'}
                      </code>
                    ),
                  },
                  {
                    label: 'Tenant namespace',
                    value: (
                      <code className="font-mono text-xs">
                        {deployment?.tenantNamespace ?? '—'}
                      </code>
                    ),
                  },
                ]}
              />
            </CardContent>
          </Card>
        </div>
      </div>

      <MerchantActivationModal
        open={activateOpen}
        onOpenChange={setActivateOpen}
        storeId={m.id}
        storeName={m.storeName}
      />
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => {
          if (!open) {
            setConfirm(null);
            setReason('');
            lifecycle.reset();
          }
        }}
        title={confirm === 'reactivate' ? `Reactivate ${m.storeName}?` : `Suspend ${m.storeName}?`}
        description={
          confirm === 'reactivate'
            ? 'The storefront and the merchant dashboard become available again.'
            : 'The storefront goes offline and the merchant can no longer sign in until reactivated.'
        }
        confirmLabel={confirm === 'reactivate' ? 'Reactivate' : 'Suspend store'}
        tone={confirm === 'reactivate' ? 'primary' : 'danger'}
        loading={lifecycle.isPending}
        onConfirm={() =>
          lifecycle.mutate(
            { id: m.id, reason: reason.trim() || undefined },
            {
              onSuccess: () => {
                toast({
                  tone: 'success',
                  title: confirm === 'reactivate' ? 'Store reactivated' : 'Store suspended',
                  description: m.storeName,
                });
                setConfirm(null);
                setReason('');
              },
            },
          )
        }
      >
        <Field label="Reason" hint="Optional; recorded in the audit trail.">
          <Textarea
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        {lifecycle.isError && (
          <p className="mt-3 text-sm font-medium text-red-600" role="alert">
            {errorMessage(lifecycle.error)}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
