import { cn } from '@orbit360/ui';

export function Logo({ inverted, subtitle = 'Admin' }: { inverted?: boolean; subtitle?: string }) {
  return (
    <span className="relative flex items-center gap-2.5">
      <svg viewBox="0 0 32 32" className="size-8" aria-hidden>
        <rect
          width="32"
          height="32"
          rx="8"
          className={inverted ? 'fill-white/15' : 'fill-brand-600'}
        />
        <circle cx="16" cy="16" r="7" fill="none" stroke="#fff" strokeWidth="3" />
        <circle cx="23" cy="9" r="3" className="fill-brand-300" />
      </svg>
      <span
        className={cn(
          'text-base font-semibold tracking-tight',
          inverted ? 'text-white' : 'text-fg',
        )}
      >
        Orbit360
        <span
          className={cn(
            'ml-1.5 rounded-md px-1.5 py-0.5 align-middle text-[11px] font-semibold',
            inverted ? 'bg-white/15 text-white' : 'bg-brand-50 text-brand-700',
          )}
        >
          {subtitle}
        </span>
      </span>
    </span>
  );
}
