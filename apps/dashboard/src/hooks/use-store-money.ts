/** Formats cents in the store's currency and locale (from the overview, already cached). */
import { useOverview } from './api/overview.js';
import { formatMoney } from '../lib/format.js';
import { useSession } from '../lib/session-store.js';

export function useStoreMoney() {
  const session = useSession()!;
  const store = useOverview(session.merchant.tenantId).data?.store;
  const currency = store?.currency ?? 'USD';
  const locale = store?.locale ?? 'en-US';
  return { currency, locale, format: (cents: number) => formatMoney(cents, currency, locale) };
}
