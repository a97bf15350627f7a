import type { ProductSummary } from '@orbit360/contracts';
import { Badge, Checkbox, Table, TBody, TD, TH, THead, TR } from '@orbit360/ui';
import { ImageOff } from 'lucide-react';
import { Link } from 'react-router-dom';
import { useImageSrc } from '../../../../hooks/use-image-src.js';
import { useStoreMoney } from '../../../../hooks/use-store-money.js';
import { ProductStatusBadge } from '../../shared/product-status-badge.js';

export interface ProductsTableProps {
  items: ProductSummary[];
  selected: ReadonlySet<string>;
  onSelectedChange: (next: Set<string>) => void;
}

function Thumb({ image }: { image: ProductSummary['image'] }) {
  const srcOf = useImageSrc();
  const src = image ? srcOf(image.url) : undefined;
  return image && src ? (
    <img
      src={src}
      alt={image.alt}
      loading="lazy"
      className="size-10 shrink-0 rounded-md border border-border object-cover"
    />
  ) : (
    <span className="flex size-10 shrink-0 items-center justify-center rounded-md border border-border bg-gray-50 text-fg-subtle">
      <ImageOff aria-hidden className="size-4" />
    </span>
  );
}

export function ProductsTable({ items, selected, onSelectedChange }: ProductsTableProps) {
  const money = useStoreMoney();
  const allChecked = items.length > 0 && items.every((p) => selected.has(p.id));
  const someChecked = items.some((p) => selected.has(p.id));
  const toggleAll = () =>
    onSelectedChange(allChecked ? new Set() : new Set(items.map((p) => p.id)));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  return (
    <Table data-testid="products-table">
      <THead>
        <tr>
          <TH className="w-10">
            <Checkbox
              aria-label="Select all products on this page"
              checked={allChecked ? true : someChecked ? 'indeterminate' : false}
              onCheckedChange={toggleAll}
            />
          </TH>
          <TH>Product</TH>
          <TH>Status</TH>
          <TH>Inventory</TH>
          <TH className="text-right">Price</TH>
        </tr>
      </THead>
      <TBody>
        {items.map((product) => (
          <TR key={product.id} data-selected={selected.has(product.id)}>
            <TD>
              <Checkbox
                aria-label={`Select ${product.title}`}
                checked={selected.has(product.id)}
                onCheckedChange={() => toggle(product.id)}
              />
            </TD>
            <TD>
              <div className="flex items-center gap-3">
                <Thumb image={product.image} />
                <div className="min-w-0">
                  <Link
                    to={`/products/${product.id}`}
                    className="font-medium text-fg hover:text-brand-700 hover:underline"
                  >
                    {product.title}
                  </Link>
                  <div className="flex items-center gap-2 text-xs text-fg-subtle">
                    {product.variantsCount > 1 && <span>{product.variantsCount} variants</span>}
                    {product.isSample && <Badge tone="blue">Sample</Badge>}
                  </div>
                </div>
              </div>
            </TD>
            <TD>
              <ProductStatusBadge status={product.status} />
            </TD>
            <TD className="text-fg-muted tabular-nums">
              {product.inventory === null ? 'Not tracked' : `${product.inventory} in stock`}
            </TD>
            <TD className="text-right tabular-nums">
              {product.variantsCount > 1 && <span className="text-fg-subtle">from </span>}
              {money.format(product.priceCents)}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
