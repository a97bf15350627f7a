import { Badge, type BadgeTone } from '@orbit360/ui';
import type { MerchantOverview } from '@orbit360/contracts';

type StoreStatus = MerchantOverview['store']['status'];

const STATUS: Record<StoreStatus, { label: string; tone: BadgeTone; pulse?: boolean }> = {
  live: { label: 'Live', tone: 'green' },
  provisioning: { label: 'Setting up', tone: 'blue', pulse: true },
  suspended: { label: 'Suspended', tone: 'red' },
};

export function StoreStatusBadge({ status }: { status: StoreStatus }) {
  const info = STATUS[status];
  return (
    <Badge tone={info.tone} dot={info.pulse ? 'pulse' : true} data-testid="store-status">
      {info.label}
    </Badge>
  );
}
