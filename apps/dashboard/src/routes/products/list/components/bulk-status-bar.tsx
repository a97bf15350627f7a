/**
 * Changes the status of the selected products: one full `PUT` per product with its own
 * revision, one after the other (the API has no bulk endpoint), then says plainly which
 * failed and why.
 */
import type { Product, ProductStatus } from '@orbit360/contracts';
import { Alert, Button, Select, errorMessage } from '@orbit360/ui';
import { useState } from 'react';
import { putProduct, useRefreshCatalog } from '../../../../hooks/api/products.js';
import { api } from '../../../../lib/api-client.js';
import { toProductInput } from '../../editor/product-form.js';
import { STATUS_LABEL } from '../../shared/product-status-badge.js';

interface Failure {
  title: string;
  message: string;
}

async function setStatus(id: string, status: ProductStatus) {
  const product = await api.get<Product>(`/api/merchant/products/${id}`);
  if (product.status === status) return;
  await putProduct(id, product.revision, { ...toProductInput(product), status });
}

export function BulkStatusBar({
  selected,
  titles,
  onDone,
}: {
  selected: ReadonlySet<string>;
  titles: ReadonlyMap<string, string>;
  onDone: () => void;
}) {
  const refreshCatalog = useRefreshCatalog();
  const [status, setStatusChoice] = useState<ProductStatus>('active');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ done: number; failures: Failure[] } | null>(null);

  const apply = async () => {
    setRunning(true);
    setResult(null);
    const failures: Failure[] = [];
    let done = 0;
    for (const id of selected) {
      try {
        await setStatus(id, status);
        done += 1;
      } catch (error) {
        failures.push({ title: titles.get(id) ?? id, message: errorMessage(error) });
      }
    }
    setRunning(false);
    setResult({ done, failures });
    refreshCatalog();
    if (failures.length === 0) onDone();
  };

  if (selected.size === 0 && !result) return null;
  return (
    <div className="space-y-3 border-b border-border px-4 py-3" data-testid="bulk-bar">
      {selected.size > 0 && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="font-medium">{selected.size} selected</span>
          <label className="flex items-center gap-2">
            <span className="text-fg-muted">Set status to</span>
            <Select
              aria-label="New status"
              value={status}
              onChange={(e) => setStatusChoice(e.target.value as ProductStatus)}
              options={(['active', 'draft', 'archived'] as const).map((s) => ({
                value: s,
                label: STATUS_LABEL[s],
              }))}
            />
          </label>
          <Button size="sm" loading={running} onClick={() => void apply()}>
            Apply to {selected.size}
          </Button>
        </div>
      )}
      {result && result.failures.length === 0 && (
        <Alert tone="success">
          {result.done} {result.done === 1 ? 'product' : 'products'} updated.
        </Alert>
      )}
      {result && result.failures.length > 0 && (
        <Alert
          tone="danger"
          title={`${result.done} updated, ${result.failures.length} not updated`}
          data-testid="bulk-failures"
        >
          <ul className="list-disc pl-4">
            {result.failures.map((f) => (
              <li key={f.title}>
                {f.title}: {f.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
