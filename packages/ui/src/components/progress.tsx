import * as ProgressPrimitive from '@radix-ui/react-progress';
import { cn } from '../cn.js';

const TONES = {
  brand: 'bg-brand-600',
  green: 'bg-emerald-500',
  red: 'bg-red-500',
  yellow: 'bg-amber-500',
} as const;

export interface ProgressProps {
  /** 0..100 */
  value: number;
  tone?: keyof typeof TONES;
  size?: 'sm' | 'md' | 'lg';
  /** Accessible name of the progress bar. */
  label?: string;
  /** Animated stripes while work is in progress. */
  active?: boolean;
  className?: string;
  'data-testid'?: string;
}

/** role=progressbar with aria-valuenow / aria-valuemin / aria-valuemax. */
export function Progress({
  value,
  tone = 'brand',
  size = 'md',
  label,
  active,
  className,
  ...rest
}: ProgressProps) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <ProgressPrimitive.Root
      value={clamped}
      max={100}
      aria-label={label}
      getValueLabel={(v) => `${v}%`}
      data-testid={rest['data-testid']}
      className={cn(
        'relative w-full overflow-hidden rounded-full bg-gray-100',
        size === 'sm' ? 'h-1.5' : size === 'md' ? 'h-2.5' : 'h-3.5',
        className,
      )}
    >
      <ProgressPrimitive.Indicator
        className={cn(
          'h-full rounded-full transition-[width] duration-500 ease-out',
          TONES[tone],
          active &&
            'bg-[length:1rem_1rem] bg-[linear-gradient(45deg,rgb(255_255_255/0.18)_25%,transparent_25%,transparent_50%,rgb(255_255_255/0.18)_50%,rgb(255_255_255/0.18)_75%,transparent_75%,transparent)]',
        )}
        style={{ width: `${clamped}%` }}
      />
    </ProgressPrimitive.Root>
  );
}
