import { cn } from '@orbit360/ui';

/** The Orbit360 logo mark and word mark. */
export function Brand({
  className,
  subtitle = 'Merchant',
}: {
  className?: string;
  subtitle?: string;
}) {
  return (
    <span className={cn('flex items-center gap-2.5', className)}>
      <svg viewBox="0 0 32 32" aria-hidden className="size-8 shrink-0">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <circle cx="16" cy="16" r="7" fill="none" stroke="#fff" strokeWidth="3" />
        <circle cx="23" cy="9" r="3" className="fill-brand-200" />
      </svg>
      <span className="flex flex-col leading-tight">
        <span className="text-[15px] font-semibold tracking-tight text-fg">Orbit360</span>
        <span className="text-[11px] font-medium tracking-wide text-fg-subtle uppercase">
          {subtitle}
        </span>
      </span>
    </span>
  );
}
