/** The variants grid: one row per option combination, prices in the store currency. */
import { Checkbox, Input, Table, TBody, TD, TH, THead, TR, cn } from '@orbit360/ui';
import type { FormErrors } from '../product-form.js';
import type { VariantRow } from '../variants-grid.js';

function Cell({
  label,
  error,
  className,
  ...props
}: {
  label: string;
  error?: string;
  className?: string;
  value: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className={cn('min-w-24', className)}>
      <Input
        aria-label={label}
        aria-invalid={error ? true : undefined}
        value={props.value}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {error && (
        <p className="mt-1 text-xs font-medium text-red-600" data-field-error="">
          {error}
        </p>
      )}
    </div>
  );
}

export function VariantsTable({
  rows,
  currency,
  errors,
  onChange,
}: {
  rows: VariantRow[];
  currency: string;
  errors: FormErrors;
  onChange: (rows: VariantRow[]) => void;
}) {
  const set = (index: number, patch: Partial<VariantRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const hasOptions = rows.some((r) => r.optionValues.length > 0);
  return (
    <Table data-testid="variants-grid">
      <THead>
        <tr>
          {hasOptions && <TH>Variant</TH>}
          <TH>Price ({currency})</TH>
          <TH>Compare-at</TH>
          <TH>SKU</TH>
          <TH>Inventory</TH>
          <TH>Track</TH>
          <TH>Backorder</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((row, i) => {
          const name = row.optionValues.join(' / ') || 'Default';
          const error = (field: string) =>
            errors[`variants.${i}.${field}`] ??
            (field === 'priceCents' ? errors[`variants.${i}.optionValues`] : undefined);
          return (
            <TR key={row.optionValues.join('\u0000') || 'default'} data-testid="variant-row">
              {hasOptions && <TD className="font-medium whitespace-nowrap">{name}</TD>}
              <TD>
                <Cell
                  label={`Price of ${name}`}
                  inputMode="decimal"
                  placeholder="0.00"
                  value={row.price}
                  error={error('priceCents')}
                  onChange={(price) => set(i, { price })}
                />
              </TD>
              <TD>
                <Cell
                  label={`Compare-at price of ${name}`}
                  inputMode="decimal"
                  value={row.compareAt}
                  error={error('compareAtPriceCents')}
                  onChange={(compareAt) => set(i, { compareAt })}
                />
              </TD>
              <TD>
                <Cell
                  label={`SKU of ${name}`}
                  value={row.sku}
                  error={error('sku')}
                  onChange={(sku) => set(i, { sku })}
                />
              </TD>
              <TD>
                <Cell
                  label={`Inventory of ${name}`}
                  inputMode="numeric"
                  className="min-w-20"
                  value={row.inventory}
                  error={error('inventoryQuantity')}
                  onChange={(inventory) => set(i, { inventory })}
                />
              </TD>
              <TD>
                <Checkbox
                  aria-label={`Track inventory of ${name}`}
                  checked={row.trackInventory}
                  onCheckedChange={(checked) => set(i, { trackInventory: checked === true })}
                />
              </TD>
              <TD>
                <Checkbox
                  aria-label={`Allow backorder of ${name}`}
                  checked={row.allowBackorder}
                  onCheckedChange={(checked) => set(i, { allowBackorder: checked === true })}
                />
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
