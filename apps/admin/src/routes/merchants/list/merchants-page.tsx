import { MERCHANT_STATUSES, type Merchant, type MerchantStatus } from '@orbit360/contracts';
import {
  Button,
  Card,
  PageHeader,
  Pagination,
  SearchInput,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
} from '@orbit360/ui';
import { Rocket, X } from 'lucide-react';
import { useState } from 'react';
import { useCanWrite } from '../../../lib/session.js';
import { BulkActivationDialog } from '../../provisioning/components/bulk-activation-dialog.js';
import { MerchantActivationModal } from '../../provisioning/components/merchant-activation-modal.js';
import { MERCHANT_STATUS_META } from '../merchant-status-badge.js';
import { useMerchants } from '../../../hooks/api/merchants.js';
import { MerchantTable } from './merchant-table.js';
import { useDocumentTitle } from '../../../lib/document-title.js';
import { useUrlFilters } from '../../../lib/url-filters.js';

const PAGE_SIZE = 20;

function parseStatus(value: string | null): MerchantStatus {
  return (MERCHANT_STATUSES as readonly string[]).includes(value ?? '')
    ? (value as MerchantStatus)
    : 'pending';
}

export function MerchantsPage() {
  useDocumentTitle('Merchants');
  const { params, page, update, search, setSearch } = useUrlFilters('q');
  const status = parseStatus(params.get('status'));
  const q = params.get('q') ?? '';
  const canWrite = useCanWrite();

  const [selected, setSelected] = useState<Map<string, Merchant>>(new Map());
  const [activating, setActivating] = useState<Merchant | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);

  const list = useMerchants({ status, q: q || undefined, page, pageSize: PAGE_SIZE });
  const counts = list.data?.counts;
  const selectable = status === 'pending' && canWrite;

  const toggle = (merchant: Merchant, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(merchant.id, merchant);
      else next.delete(merchant.id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Merchants"
        description="Review applications, activate stores and follow their provisioning live."
      />
      <Tabs
        value={status}
        onValueChange={(value) => {
          setSelected(new Map());
          update({ status: value, page: undefined });
        }}
      >
        <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
          <TabsList aria-label="Merchant status" className="lg:flex-1">
            {MERCHANT_STATUSES.map((value) => (
              <TabsTrigger
                key={value}
                value={value}
                count={counts?.[value] ?? '–'}
                data-testid={`tab-${value}`}
              >
                {MERCHANT_STATUS_META[value].label}
              </TabsTrigger>
            ))}
          </TabsList>
          <SearchInput
            value={search}
            onValueChange={setSearch}
            placeholder="Search store, owner or email"
            aria-label="Search merchants"
            className="w-full pb-2 lg:w-72"
          />
        </div>

        <TabsContent value={status} className="mt-5 focus-visible:outline-none">
          {selectable && selected.size > 0 && (
            <div
              className="mb-3 flex animate-slide-in flex-wrap items-center justify-between gap-3 rounded-xl border border-brand-200 bg-brand-50 px-4 py-2.5"
              data-testid="bulk-bar"
            >
              <p className="text-sm font-medium text-brand-900">
                {selected.size} merchant{selected.size === 1 ? '' : 's'} selected
              </p>
              <div className="flex gap-2">
                <Button variant="ghost" size="sm" onClick={() => setSelected(new Map())}>
                  <X /> Clear
                </Button>
                <Button size="sm" onClick={() => setBulkOpen(true)} data-testid="bulk-activate">
                  <Rocket /> Activate selected
                </Button>
              </div>
            </div>
          )}
          <Card className="overflow-hidden">
            <MerchantTable
              status={status}
              query={q}
              list={list}
              selectable={selectable}
              selected={selected}
              onToggle={toggle}
              onToggleAll={(merchants, on) =>
                setSelected((current) => {
                  const next = new Map(current);
                  for (const m of merchants) {
                    if (on) next.set(m.id, m);
                    else next.delete(m.id);
                  }
                  return next;
                })
              }
              onActivate={canWrite ? setActivating : undefined}
            />
            {list.data && list.data.total > PAGE_SIZE && (
              <Pagination
                className="border-t border-border"
                page={page}
                pageSize={PAGE_SIZE}
                total={list.data.total}
                onPageChange={(next) => update({ page: next > 1 ? String(next) : undefined })}
              />
            )}
          </Card>
        </TabsContent>
      </Tabs>

      {activating && (
        <MerchantActivationModal
          open
          onOpenChange={(open) => !open && setActivating(null)}
          storeId={activating.id}
          storeName={activating.storeName}
        />
      )}
      <BulkActivationDialog
        open={bulkOpen}
        onOpenChange={setBulkOpen}
        merchants={[...selected.values()]}
        onSubmitted={() => setSelected(new Map())}
      />
    </>
  );
}
