/** Finds products by title to add to a collection (the ones already in it are left out). */
import type { ProductSummary } from '@orbit360/contracts';
import { Button, SearchInput } from '@orbit360/ui';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useProducts } from '../../../../hooks/api/products.js';
import { useDebouncedValue } from '../../../../lib/use-debounced-value.js';

export function ProductPicker({
  tenantId,
  excluded,
  onAdd,
}: {
  tenantId: string;
  excluded: ReadonlySet<string>;
  onAdd: (product: ProductSummary) => void;
}) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const results = useProducts(tenantId, { q: q || undefined, pageSize: 10 });
  const items = (results.data?.items ?? []).filter((p) => !excluded.has(p.id));
  return (
    <div className="space-y-2" data-testid="product-picker">
      <SearchInput
        aria-label="Find products to add"
        placeholder="Find products to add"
        value={search}
        onValueChange={setSearch}
      />
      {results.isPending ? (
        <p className="text-sm text-fg-muted">Searching…</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-fg-muted">
          {q ? 'No other products match.' : 'Every product is in this collection.'}
        </p>
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border">
          {items.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span className="truncate">{p.title}</span>
              <Button
                type="button"
                variant="outline"
                size="sm"
                aria-label={`Add ${p.title}`}
                onClick={() => onAdd(p)}
              >
                <Plus /> Add
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
