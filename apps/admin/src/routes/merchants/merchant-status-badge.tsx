import type { MerchantStatus } from '@orbit360/contracts';
import { Badge, type BadgeTone } from '@orbit360/ui';

export const MERCHANT_STATUS_META: Record<MerchantStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'yellow' },
  provisioning: { label: 'Provisioning', tone: 'blue' },
  active: { label: 'Active', tone: 'green' },
  failed: { label: 'Failed', tone: 'red' },
  suspended: { label: 'Suspended', tone: 'gray' },
};

export function MerchantStatusBadge({ status }: { status: MerchantStatus }) {
  const meta = MERCHANT_STATUS_META[status];
  return (
    <Badge
      tone={meta.tone}
      dot={status === 'provisioning' ? 'pulse' : true}
      data-testid="merchant-status"
    >
      {meta.label}
    </Badge>
  );
}
