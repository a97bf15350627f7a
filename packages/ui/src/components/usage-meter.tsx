import { cn } from '../cn.js';
import { Progress } from './progress.js';

export interface UsageMeterProps {
  label: string;
  used: number;
  /** null = unlimited. */
  limit: number | null;
  /** Appended to the figures, e.g. "MB". */
  unit?: string;
  className?: string;
  'data-testid'?: string;
}

/**
 * "4 of 5" against a limit with a bar that turns amber from 80 % and red at the limit;
 * "12 (unlimited)" without one.
 */
export function UsageMeter({ label, used, limit, unit, className, ...rest }: UsageMeterProps) {
  const suffix = unit ? ` ${unit}` : '';
  const percent = limit ? (used / limit) * 100 : 0;
  const tone =
    limit === null ? 'brand' : percent >= 100 ? 'red' : percent >= 80 ? 'yellow' : 'brand';
  return (
    <div className={cn('space-y-1.5', className)} data-testid={rest['data-testid']}>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-fg">{label}</span>
        <span className="text-fg-muted tabular-nums">
          {limit === null
            ? `${used}${suffix} (unlimited)`
            : `${used}${suffix} of ${limit}${suffix}`}
        </span>
      </div>
      {limit !== null && <Progress value={percent} tone={tone} size="sm" label={`${label} used`} />}
    </div>
  );
}
