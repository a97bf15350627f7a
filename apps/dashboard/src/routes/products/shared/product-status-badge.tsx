import type { ProductStatus } from '@orbit360/contracts';
import { Badge, type BadgeTone } from '@orbit360/ui';

export const STATUS_LABEL: Record<ProductStatus, string> = {
  active: 'Active',
  draft: 'Draft',
  archived: 'Archived',
};

const TONE: Record<ProductStatus, BadgeTone> = {
  active: 'green',
  draft: 'yellow',
  archived: 'gray',
};

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  return (
    <Badge tone={TONE[status]} dot>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
