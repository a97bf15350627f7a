/** Integer cents as a price in the visitor's locale, e.g. 7999 USD → "$79.99". */
export function formatPrice(cents: number, currency: string) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** Integer cents in the store's currency and locale, e.g. 2400 EUR de-DE → "24,00 €". */
export function formatMoney(cents: number, currency: string, locale: string) {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return formatPrice(cents, currency);
  }
}

/** Cents as the decimal a price field shows: 2400 → "24.00", null → "". */
export const centsToDecimal = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? '' : (cents / 100).toFixed(2);

/**
 * A typed decimal price as integer cents: "24", "24.5", "24,50" → 2400, 2450, 2450; "" → null;
 * anything else (negative, three decimals, letters) → NaN so the form can say so.
 */
export function decimalToCents(text: string): number | null {
  const value = text.trim().replace(',', '.');
  if (value === '') return null;
  if (!/^\d+(\.\d{0,2})?$/.test(value)) return Number.NaN;
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
