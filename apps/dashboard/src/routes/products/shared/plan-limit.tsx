/**
 * Where the plan's product limit bites: "4 of 5 products" with an upgrade hint at the limit,
 * and the message of a 403 PLAN_LIMIT_REACHED (its details carry the figures).
 */
import type { CatalogUsage } from '@orbit360/contracts';
import { cn } from '@orbit360/ui';
import { isAtLimit } from '../../../hooks/api/usage.js';
import { isApiError } from '../../../lib/api-client.js';

export const UPGRADE_HINT =
  'Upgrade your plan to add more, or archive products you no longer sell.';

export function ProductUsageLine({
  usage,
  className,
}: {
  usage: CatalogUsage['products'] | undefined;
  className?: string;
}) {
  if (!usage) return null;
  const atLimit = isAtLimit(usage);
  return (
    <span
      className={cn('block text-sm', atLimit ? 'text-amber-800' : 'text-fg-muted', className)}
      data-testid="product-usage"
    >
      {usage.limit === null
        ? `${usage.used} products (unlimited on your plan)`
        : `${usage.used} of ${usage.limit} products`}
      {atLimit && <> — your plan's limit. {UPGRADE_HINT}</>}
    </span>
  );
}

interface LimitDetails {
  limit?: number;
  used?: number;
  resource?: string;
}

/** The plain sentence for a 403 PLAN_LIMIT_REACHED, or null for any other error. */
export function planLimitMessage(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'PLAN_LIMIT_REACHED') return null;
  const details = (error.details ?? {}) as LimitDetails;
  const resource = details.resource === 'storage' ? 'MB of storage' : 'products';
  const figures =
    details.limit !== undefined
      ? `Your plan allows ${details.limit} ${resource} and you use ${details.used ?? details.limit}.`
      : error.message;
  return `${figures} ${UPGRADE_HINT}`;
}
