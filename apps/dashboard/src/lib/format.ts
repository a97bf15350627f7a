/** Integer cents as a price in the visitor's locale, e.g. 7999 USD → "$79.99". */
export function formatPrice(cents: number, currency: string) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}
