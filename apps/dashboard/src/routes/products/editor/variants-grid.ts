/**
 * The variants grid follows the options: one row per combination of option values, in
 * option order. Rows whose combination survives an options edit keep everything the merchant
 * typed (and their id, so the server keeps the variant); new combinations start from the
 * closest surviving row (same values for the options they share) for price and flags.
 */
export interface OptionDraft {
  name: string;
  values: string[];
}

export interface VariantRow {
  id?: string;
  optionValues: string[];
  sku: string;
  price: string;
  compareAt: string;
  inventory: string;
  trackInventory: boolean;
  allowBackorder: boolean;
}

export const blankRow = (optionValues: string[] = []): VariantRow => ({
  optionValues,
  sku: '',
  price: '',
  compareAt: '',
  inventory: '0',
  trackInventory: false,
  allowBackorder: false,
});

/** Options that can make variants: named, with at least one value. */
const usable = (options: OptionDraft[]) =>
  options.filter((o) => o.name.trim() !== '' && o.values.length > 0);

/** Every combination of the options' values, first option slowest: [[S, Red], [S, Blue], …]. */
export function combinations(options: OptionDraft[]): string[][] {
  return usable(options).reduce<string[][]>(
    (rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])),
    [[]],
  );
}

type Named = Map<string, string>;

const named = (options: OptionDraft[], values: string[]): Named =>
  new Map(usable(options).map((o, i) => [o.name.trim().toLowerCase(), values[i] ?? '']));

function agreement(a: Named, b: Named): number {
  let shared = 0;
  for (const [name, value] of a) {
    if (!b.has(name)) continue;
    if (b.get(name) !== value) return -1;
    shared += 1;
  }
  return shared;
}

/** The rows for `next` options, reusing the rows made for `previous` options. */
export function regenerateVariants(
  previous: OptionDraft[],
  rows: VariantRow[],
  next: OptionDraft[],
): VariantRow[] {
  const before = rows.map((row) => ({ row, named: named(previous, row.optionValues) }));
  const used = new Set<VariantRow>();
  return combinations(next).map((values) => {
    const target = named(next, values);
    const exact = before.find(
      (b) =>
        !used.has(b.row) &&
        b.named.size === target.size &&
        agreement(b.named, target) === target.size,
    );
    if (exact) {
      used.add(exact.row);
      return { ...exact.row, optionValues: values };
    }
    let best: VariantRow | undefined;
    let bestScore = -1;
    for (const b of before) {
      const score = agreement(b.named, target);
      if (score > bestScore) [best, bestScore] = [b.row, score];
    }
    if (!best) return blankRow(values);
    return {
      ...blankRow(values),
      price: best.price,
      compareAt: best.compareAt,
      trackInventory: best.trackInventory,
      allowBackorder: best.allowBackorder,
    };
  });
}

/** "S, M ,L" → ["S", "M", "L"] without blanks or repeats. */
export function parseValues(text: string): string[] {
  const values = text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(values)];
}
