/** A collection's products in display order: move up/down, remove. */
import { Button } from '@orbit360/ui';
import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { moveItem } from '../../../../lib/move-item.js';

export function OrderedProducts({
  productIds,
  titles,
  onChange,
}: {
  productIds: string[];
  titles: ReadonlyMap<string, string>;
  onChange: (productIds: string[]) => void;
}) {
  return (
    <ol
      className="divide-y divide-border rounded-lg border border-border"
      aria-label="Products in this collection"
    >
      {productIds.map((id, i) => {
        const title = titles.get(id) ?? 'Product';
        return (
          <li key={id} className="flex items-center gap-2 px-3 py-2 text-sm">
            <span className="w-6 text-fg-subtle tabular-nums">{i + 1}</span>
            <span className="min-w-0 flex-1 truncate">{title}</span>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Move ${title} up`}
              disabled={i === 0}
              onClick={() => onChange(moveItem(productIds, i, i - 1))}
            >
              <ArrowUp />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Move ${title} down`}
              disabled={i === productIds.length - 1}
              onClick={() => onChange(moveItem(productIds, i, i + 1))}
            >
              <ArrowDown />
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove ${title}`}
              onClick={() => onChange(productIds.filter((p) => p !== id))}
            >
              <X />
            </Button>
          </li>
        );
      })}
      {productIds.length === 0 && (
        <li className="px-3 py-3 text-sm text-fg-muted">No products yet.</li>
      )}
    </ol>
  );
}
