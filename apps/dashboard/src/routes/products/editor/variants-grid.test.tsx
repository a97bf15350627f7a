import { describe, expect, it } from 'vitest';
import {
  blankRow,
  combinations,
  parseValues,
  regenerateVariants,
  type VariantRow,
} from './variants-grid.js';

const row = (optionValues: string[], patch: Partial<VariantRow> = {}): VariantRow => ({
  ...blankRow(optionValues),
  ...patch,
});

describe('variants grid', () => {
  it('makes one combination per value tuple, first option slowest', () => {
    expect(
      combinations([
        { name: 'Size', values: ['S', 'M'] },
        { name: 'Color', values: ['Red', 'Blue'] },
      ]),
    ).toEqual([
      ['S', 'Red'],
      ['S', 'Blue'],
      ['M', 'Red'],
      ['M', 'Blue'],
    ]);
    expect(combinations([])).toEqual([[]]);
    // An option without a name or values makes no variants yet.
    expect(
      combinations([
        { name: 'Size', values: ['S'] },
        { name: '', values: ['x'] },
      ]),
    ).toEqual([['S']]);
  });

  it('keeps edited rows whose combination survives and adds blank ones priced like their kin', () => {
    const size = [{ name: 'Size', values: ['S', 'M'] }];
    const rows = [
      row(['S'], { id: 'v-s', price: '24.00', sku: 'TEE-S', inventory: '5' }),
      row(['M'], { id: 'v-m', price: '26.00', sku: 'TEE-M', inventory: '3' }),
    ];
    // A new value: S and M keep everything, L starts blank.
    const withL = regenerateVariants(size, rows, [{ name: 'Size', values: ['S', 'M', 'L'] }]);
    expect(withL.map((r) => [r.optionValues, r.id, r.price, r.sku])).toEqual([
      [['S'], 'v-s', '24.00', 'TEE-S'],
      [['M'], 'v-m', '26.00', 'TEE-M'],
      [['L'], undefined, '', ''],
    ]);

    // A second option: each size's rows inherit that size's price, not its id or SKU.
    const withColor = regenerateVariants(size, rows, [
      ...size,
      { name: 'Color', values: ['Red', 'Blue'] },
    ]);
    expect(withColor.map((r) => [r.optionValues.join('/'), r.id, r.price, r.sku])).toEqual([
      ['S/Red', undefined, '24.00', ''],
      ['S/Blue', undefined, '24.00', ''],
      ['M/Red', undefined, '26.00', ''],
      ['M/Blue', undefined, '26.00', ''],
    ]);

    // Removing a value drops only its row; reordering options keeps rows by name.
    const two = [
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Color', values: ['Red'] },
    ];
    const edited = regenerateVariants(size, rows, two).map((r, i) => ({ ...r, sku: `SKU-${i}` }));
    const swapped = regenerateVariants(two, edited, [
      { name: 'Color', values: ['Red'] },
      { name: 'Size', values: ['M'] },
    ]);
    expect(swapped.map((r) => [r.optionValues, r.sku])).toEqual([[['Red', 'M'], 'SKU-1']]);
  });

  it('turns the single default variant into the first combinations with its price', () => {
    const rows = [row([], { id: 'v-default', price: '10.00' })];
    const next = regenerateVariants([], rows, [{ name: 'Size', values: ['S', 'M'] }]);
    expect(next.map((r) => [r.optionValues, r.price])).toEqual([
      [['S'], '10.00'],
      [['M'], '10.00'],
    ]);
    // And back: removing every option leaves one default variant.
    expect(regenerateVariants([{ name: 'Size', values: ['S', 'M'] }], next, [])).toHaveLength(1);
  });

  it('reads a comma list of values without blanks or repeats', () => {
    expect(parseValues(' S, M ,, S,L ')).toEqual(['S', 'M', 'L']);
  });
});
