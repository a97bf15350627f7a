/**
 * The products list: search (debounced into `?q=`), status filter (`?status=`) and page
 * (`?page=`) live in the URL so a reload or a shared link shows the same list. Bulk status
 * changes, "Remove sample products", the plan usage line, and an empty state that starts the
 * first product.
 */
import type { ProductStatus } from '@orbit360/contracts';
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  Pagination,
  SearchInput,
  Select,
  Tooltip,
} from '@orbit360/ui';
import { Package, Plus } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useProducts } from '../../../hooks/api/products.js';
import { isAtLimit, useUsage } from '../../../hooks/api/usage.js';
import { useSession } from '../../../lib/session-store.js';
import { useDebouncedValue } from '../../../lib/use-debounced-value.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { ProductUsageLine, UPGRADE_HINT } from '../shared/plan-limit.js';
import { BulkStatusBar } from './components/bulk-status-bar.js';
import { ProductsTable } from './components/products-table.js';
import { RemoveSamplesButton } from './components/remove-samples-button.js';

const STATUSES = ['active', 'draft', 'archived'] as const;
const PAGE_SIZE = 20;

const statusOf = (value: string | null): ProductStatus | undefined =>
  STATUSES.find((s) => s === value);

function useListParams() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = statusOf(params.get('status'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { q, status, page, update };
}

function AddProductButton({ atLimit }: { atLimit: boolean }) {
  if (atLimit) {
    return (
      <Tooltip content={`You have reached your plan's product limit. ${UPGRADE_HINT}`}>
        <span tabIndex={0} aria-describedby="product-usage-limit">
          <Button disabled>
            <Plus /> Add product
          </Button>
        </span>
      </Tooltip>
    );
  }
  return (
    <Button asChild>
      <Link to="/products/new">
        <Plus /> Add product
      </Link>
    </Button>
  );
}

export function ProductsListPage() {
  const tenantId = useSession()!.merchant.tenantId;
  useDocumentTitle('Products');
  const { q, status, page, update } = useListParams();
  const [search, setSearch] = useState(q);
  const settledSearch = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (settledSearch !== q) update({ q: settledSearch || undefined, page: undefined });
    // Only a settled search writes the URL; `q` changing from the URL is not a new search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settledSearch]);

  const list = useProducts(tenantId, { q: q || undefined, status, page, pageSize: PAGE_SIZE });
  const samples = useProducts(tenantId, { pageSize: 100 });
  const usage = useUsage(tenantId);
  const atLimit = isAtLimit(usage.data?.products);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const items = list.data?.items ?? [];
  const hasSamples = [...items, ...(samples.data?.items ?? [])].some((p) => p.isSample);
  const isFiltered = Boolean(q || status);

  return (
    <div className="space-y-4">
      <PageHeader
        className="mb-2"
        title="Products"
        description={<ProductUsageLine usage={usage.data?.products} />}
        actions={
          <>
            {hasSamples && <RemoveSamplesButton />}
            <AddProductButton atLimit={atLimit} />
          </>
        }
      />
      {atLimit && (
        <p id="product-usage-limit" className="sr-only">
          You have reached your plan&apos;s product limit. {UPGRADE_HINT}
        </p>
      )}
      <Card>
        <div className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-3">
          <SearchInput
            className="w-full max-w-sm"
            aria-label="Search products"
            placeholder="Search by title or SKU"
            value={search}
            onValueChange={setSearch}
          />
          <Select
            aria-label="Status"
            value={status ?? ''}
            onChange={(e) => update({ status: e.target.value || undefined, page: undefined })}
            options={[
              { value: '', label: 'All statuses' },
              { value: 'active', label: 'Active' },
              { value: 'draft', label: 'Draft' },
              { value: 'archived', label: 'Archived' },
            ]}
          />
        </div>
        <BulkStatusBar
          selected={selected}
          titles={new Map(items.map((p) => [p.id, p.title]))}
          onDone={() => setSelected(new Set())}
        />
        {list.isPending ? (
          <LoadingState label="Loading products…" />
        ) : list.isError ? (
          <ErrorState
            title="We could not load your products"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : items.length === 0 && isFiltered ? (
          <EmptyState
            icon={<Package />}
            title="No products match"
            description="Try another search or status."
            action={
              <Button
                variant="outline"
                onClick={() => {
                  setSearch('');
                  update({ q: undefined, status: undefined, page: undefined });
                }}
              >
                Clear filters
              </Button>
            }
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<Package />}
            title="Add your first product"
            description="Products you add here appear on your website once they are active."
            action={<AddProductButton atLimit={atLimit} />}
          />
        ) : (
          <>
            <ProductsTable items={items} selected={selected} onSelectedChange={setSelected} />
            <Pagination
              className="border-t border-border"
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onPageChange={(next) => update({ page: next > 1 ? String(next) : undefined })}
            />
          </>
        )}
      </Card>
    </div>
  );
}
