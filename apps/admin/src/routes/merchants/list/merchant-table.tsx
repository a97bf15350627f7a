import type { Merchant, MerchantList, MerchantStatus } from '@orbit360/contracts';
import {
  Avatar,
  Button,
  Checkbox,
  EmptyState,
  ErrorState,
  Skeleton,
  TBody,
  TD,
  TH,
  THead,
  TR,
  Table,
} from '@orbit360/ui';
import type { UseQueryResult } from '@tanstack/react-query';
import { ChevronRight, ExternalLink, Inbox, Rocket, SearchX, Store } from 'lucide-react';
import { Link } from 'react-router-dom';
import { formatDateTime, formatRelative } from '../../../lib/format.js';
import { useRuntimeConfig } from '../../../lib/runtime.js';
import { ProvisioningStatus } from '../../provisioning/components/provisioning-status.js';
import { MERCHANT_STATUS_META, MerchantStatusBadge } from '../merchant-status-badge.js';

const EMPTY_TEXT: Record<MerchantStatus, string> = {
  pending: 'New merchant applications appear here, ready to be activated.',
  provisioning: 'Stores being set up appear here with their live progress.',
  active: 'Live stores appear here once provisioning completes.',
  failed: 'Provisionings that stopped after their retries appear here.',
  suspended: 'Suspended stores appear here; they can be reactivated.',
};

/** Where applications come from, with the page merchants apply on (to share or try). */
function NoApplications() {
  const applyUrl = `${useRuntimeConfig().dashboardUrl}/apply`;
  return (
    <EmptyState
      icon={<Inbox />}
      title="No applications waiting"
      description={
        <>
          Merchants apply on the public “Open your store” page of the merchant dashboard. Each
          application appears here at once, ready to be activated.
        </>
      }
      action={
        <div className="flex flex-col items-center gap-2">
          <Button asChild variant="secondary" size="sm">
            <a href={applyUrl} target="_blank" rel="noreferrer" data-testid="apply-page-link">
              <ExternalLink /> Open the application page
            </a>
          </Button>
          <span className="font-mono text-xs text-fg-subtle">{applyUrl}</span>
        </div>
      }
    />
  );
}

export interface MerchantTableProps {
  status: MerchantStatus;
  query: string;
  list: UseQueryResult<MerchantList>;
  selectable: boolean;
  selected: Map<string, Merchant>;
  onToggle(merchant: Merchant, on: boolean): void;
  onToggleAll(merchants: Merchant[], on: boolean): void;
  onActivate?(merchant: Merchant): void;
}

export function MerchantTable({
  status,
  query,
  list,
  selectable,
  selected,
  onToggle,
  onToggleAll,
  onActivate,
}: MerchantTableProps) {
  if (list.isPending) return <TableSkeleton />;
  if (list.isError)
    return (
      <ErrorState
        title="Could not load merchants"
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    );

  const items = list.data.items;
  if (items.length === 0) {
    return query ? (
      <EmptyState
        icon={<SearchX />}
        title={`No ${MERCHANT_STATUS_META[status].label.toLowerCase()} merchants match “${query}”`}
        description="Try another name or email, or look under another status."
      />
    ) : status === 'pending' ? (
      <NoApplications />
    ) : (
      <EmptyState
        icon={<Store />}
        title={`No ${MERCHANT_STATUS_META[status].label.toLowerCase()} merchants`}
        description={EMPTY_TEXT[status]}
      />
    );
  }

  const allSelected = items.every((m) => selected.has(m.id));
  const someSelected = !allSelected && items.some((m) => selected.has(m.id));
  const showProgress = status === 'provisioning' || status === 'failed';

  return (
    <Table
      aria-label={`${MERCHANT_STATUS_META[status].label} merchants`}
      aria-busy={list.isFetching || undefined}
    >
      <THead>
        <tr>
          {selectable && (
            <TH className="w-10 pr-0">
              <Checkbox
                aria-label="Select all on this page"
                checked={allSelected ? true : someSelected ? 'indeterminate' : false}
                onCheckedChange={(checked) => onToggleAll(items, checked === true)}
              />
            </TH>
          )}
          <TH>Store</TH>
          <TH className="hidden md:table-cell">Owner</TH>
          <TH className="hidden lg:table-cell">Applied</TH>
          <TH className="hidden sm:table-cell">{showProgress ? 'Provisioning' : 'Status'}</TH>
          <TH className="w-px text-right">
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {items.map((merchant) => (
          <TR
            key={merchant.id}
            data-testid="merchant-row"
            data-merchant-id={merchant.id}
            data-store-name={merchant.storeName}
            data-selected={selected.has(merchant.id)}
          >
            {selectable && (
              <TD className="pr-0">
                <Checkbox
                  aria-label={`Select ${merchant.storeName}`}
                  checked={selected.has(merchant.id)}
                  onCheckedChange={(checked) => onToggle(merchant, checked === true)}
                />
              </TD>
            )}
            <TD>
              <div className="flex items-center gap-3">
                <Avatar name={merchant.storeName} />
                <div className="min-w-0">
                  <Link
                    to={`/merchants/${merchant.id}`}
                    className="block truncate font-medium text-fg hover:text-brand-700 hover:underline"
                  >
                    {merchant.storeName}
                  </Link>
                  <p className="truncate text-xs text-fg-subtle">{merchant.email}</p>
                  <div className="mt-1.5 sm:hidden">
                    <RowStatus merchant={merchant} showProgress={showProgress} />
                  </div>
                </div>
              </div>
            </TD>
            <TD className="hidden md:table-cell">
              <p className="text-fg">{merchant.ownerName}</p>
              <p className="text-xs text-fg-subtle">
                {[merchant.businessType, merchant.country].filter(Boolean).join(' · ') || '—'}
              </p>
            </TD>
            <TD
              className="hidden text-fg-muted lg:table-cell"
              title={formatDateTime(merchant.createdAt)}
            >
              {formatRelative(merchant.createdAt)}
            </TD>
            <TD className="hidden sm:table-cell">
              <RowStatus merchant={merchant} showProgress={showProgress} />
            </TD>
            <TD className="text-right whitespace-nowrap">
              <div className="flex items-center justify-end gap-1">
                {merchant.status === 'pending' && onActivate && (
                  <Button
                    size="sm"
                    onClick={() => onActivate(merchant)}
                    data-testid="activate-button"
                  >
                    <Rocket /> <span className="hidden sm:inline">Activate</span>
                  </Button>
                )}
                <Button
                  asChild
                  variant="ghost"
                  size="icon"
                  aria-label={`Open ${merchant.storeName}`}
                >
                  <Link to={`/merchants/${merchant.id}`}>
                    <ChevronRight />
                  </Link>
                </Button>
              </div>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/**
 * Live progress for rows that have a provisioning; the row's own status decides (the list may
 * still show the previous tab's rows while the next tab loads).
 */
function RowStatus({ merchant, showProgress }: { merchant: Merchant; showProgress: boolean }) {
  return showProgress && (merchant.status === 'provisioning' || merchant.status === 'failed') ? (
    <ProvisioningStatus storeId={merchant.id} compact autoRefresh />
  ) : (
    <MerchantStatusBadge status={merchant.status} />
  );
}

function TableSkeleton() {
  return (
    <div className="divide-y divide-border" aria-busy="true" aria-label="Loading merchants">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="flex items-center gap-4 px-4 py-4">
          <Skeleton className="size-9 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3.5 w-48" />
            <Skeleton className="h-3 w-32" />
          </div>
          <Skeleton className="h-6 w-20 rounded-full" />
        </div>
      ))}
    </div>
  );
}
