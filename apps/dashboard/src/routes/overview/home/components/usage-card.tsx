/** What the store uses against its plan: products, storage and staff accounts. */
import { Card, CardContent, CardHeader, Skeleton, UsageMeter } from '@orbit360/ui';
import { Link } from 'react-router-dom';
import { isAtLimit, useUsage } from '../../../../hooks/api/usage.js';
import { UPGRADE_HINT } from '../../../products/shared/plan-limit.js';

export function UsageCard({ tenantId }: { tenantId: string }) {
  const usage = useUsage(tenantId);
  const data = usage.data;
  return (
    <Card data-testid="usage-card">
      <CardHeader title="Plan usage" description="What your store uses against its plan." />
      <CardContent className="space-y-4">
        {!data ? (
          usage.isError ? (
            <p className="text-sm text-fg-muted">Usage is not available right now.</p>
          ) : (
            <Skeleton className="h-24" />
          )
        ) : (
          <>
            <UsageMeter label="Products" data-testid="usage-products" {...data.products} />
            <UsageMeter label="Storage" unit="MB" {...data.storageMb} />
            <UsageMeter label="Staff accounts" {...data.staffAccounts} />
            {isAtLimit(data.products) && (
              <p className="text-sm text-amber-800">
                You have reached your plan&apos;s product limit. {UPGRADE_HINT}{' '}
                <Link to="/products" className="underline">
                  Review products
                </Link>
              </p>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
