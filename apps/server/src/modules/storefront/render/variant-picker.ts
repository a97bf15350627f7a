/**
 * The product page's variant picker: the selected variant (`?variant=<id>`, else the one listings
 * show), per option the values as links to the variant each would select (so the picker works
 * without script), and the variants as JSON for the theme's script that switches them in place.
 */
import type { ProductRow, VariantRow } from './load-store-content.js';
import {
  isAvailable,
  orderUrl,
  type productDrop,
  storeUrl,
  variantDrop,
  type LinkContext,
} from './liquid-data.js';
import { formatMoney } from './text-format.js';

type ProductDrop = ReturnType<typeof productDrop>;

/** The variant a value of option `index` leads to from `from`: the same others, else the first. */
export function variantForValue(
  variants: VariantRow[],
  from: VariantRow,
  index: number,
  value: string,
): VariantRow | undefined {
  const same = variants.find(
    (v) =>
      v.optionValues[index] === value &&
      v.optionValues.every((other, i) => i === index || other === from.optionValues[i]),
  );
  return same ?? variants.find((v) => v.optionValues[index] === value);
}

/** Inline JSON safe inside <script type="application/json">. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function productPageDrop(
  links: LinkContext,
  product: ProductRow,
  drop: ProductDrop,
  variantId: string | undefined,
) {
  const money = (cents: number) => formatMoney(cents, links.currency, links.locale);
  const path = `/products/${product.handle}`;
  const chosen =
    product.variants.find((v) => v.id === variantId) ??
    product.variants.find((v) => v.id === drop.selected_variant?.id) ??
    product.variants[0];
  if (!chosen) return { ...drop, picker: null };
  const variantView = (v: VariantRow) => {
    const view = variantDrop(money, v);
    return {
      ...view,
      url: storeUrl(links, path, { variant: v.id }),
      order_url: orderUrl(links, product, product.options.length ? view.title : undefined),
    };
  };
  const selected = variantView(chosen);
  const options = product.options.map((option, index) => ({
    name: option.name,
    position: index + 1,
    values: option.values.map((value) => {
      const target = variantForValue(product.variants, chosen, index, value);
      return {
        title: value,
        url: target ? storeUrl(links, path, { variant: target.id }) : '#',
        selected: chosen.optionValues[index] === value,
        available: target ? isAvailable(target) : false,
      };
    }),
  }));
  return {
    ...drop,
    selected_variant: selected,
    price: selected.price,
    price_formatted: selected.price_formatted,
    compare_at_price: selected.compare_at_price,
    compare_at_price_formatted: selected.compare_at_price_formatted,
    on_sale: selected.compare_at_price !== null,
    picker: product.options.length
      ? { options, variants_json: scriptJson(product.variants.map(variantView)) }
      : null,
  };
}
