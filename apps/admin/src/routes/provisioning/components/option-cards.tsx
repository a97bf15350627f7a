import { formatPrice, type Plan, type Theme } from '@orbit360/contracts';
import { Badge, cn } from '@orbit360/ui';
import { Check, Sparkles } from 'lucide-react';
import type { ReactNode } from 'react';
import { ColorSwatches, ThemePreviewSketch } from '../../themes/theme-preview.js';

/**
 * Selectable cards built on native radio inputs: arrow keys move within the group, the card's
 * accessible name is the option's name, and the checked card is highlighted.
 */
function OptionCard({
  name,
  value,
  label,
  checked,
  onSelect,
  describedBy,
  testId,
  children,
}: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
  onSelect(value: string): void;
  describedBy?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <label
      data-testid={testId}
      data-selected={checked}
      className={cn(
        'relative flex cursor-pointer flex-col rounded-xl border bg-surface p-3 transition-all',
        'hover:border-brand-300 hover:shadow-card',
        'has-[:focus-visible]:ring-4 has-[:focus-visible]:ring-brand-100',
        checked ? 'border-brand-600 ring-1 ring-brand-600' : 'border-border',
      )}
    >
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={() => onSelect(value)}
        aria-label={label}
        aria-describedby={describedBy}
        className="sr-only"
      />
      {checked && (
        <span className="absolute top-2.5 right-2.5 z-10 flex size-5 items-center justify-center rounded-full bg-brand-600 text-white shadow">
          <Check className="size-3" strokeWidth={3} aria-hidden />
        </span>
      )}
      {children}
    </label>
  );
}

export function ThemeCards({
  themes,
  value,
  onChange,
  invalid,
}: {
  themes: Theme[];
  value: string;
  onChange(id: string): void;
  invalid?: boolean;
}) {
  return (
    <div
      role="radiogroup"
      aria-label="Theme"
      aria-invalid={invalid || undefined}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
    >
      {themes.map((theme) => (
        <OptionCard
          key={theme.id}
          name="theme"
          value={theme.id}
          label={theme.name}
          checked={value === theme.id}
          onSelect={onChange}
          describedBy={`theme-desc-${theme.id}`}
          testId={`theme-card-${theme.key}`}
        >
          <ThemePreviewSketch preview={theme.preview} />
          <div className="mt-3 flex items-center justify-between gap-2">
            <span className="text-sm font-semibold text-fg">{theme.name}</span>
            <ColorSwatches preview={theme.preview} />
          </div>
          <p id={`theme-desc-${theme.id}`} className="mt-1 line-clamp-2 text-xs text-fg-muted">
            {theme.description}
          </p>
          <p className="mt-2 text-[11px] font-medium tracking-wide text-fg-subtle uppercase">
            {theme.preview.layout}
          </p>
        </OptionCard>
      ))}
    </div>
  );
}

export function PlanCards({
  plans,
  value,
  onChange,
  invalid,
}: {
  plans: Plan[];
  value: string;
  onChange(id: string): void;
  invalid?: boolean;
}) {
  return (
    <div
      role="radiogroup"
      aria-label="Plan"
      aria-invalid={invalid || undefined}
      className="grid gap-3 sm:grid-cols-3"
    >
      {plans.map((plan) => (
        <OptionCard
          key={plan.id}
          name="plan"
          value={plan.id}
          label={plan.name}
          checked={value === plan.id}
          onSelect={onChange}
          describedBy={`plan-desc-${plan.id}`}
          testId={`plan-card-${plan.key}`}
        >
          <div className="flex items-center gap-2 pr-6">
            <span className="text-sm font-semibold text-fg">{plan.name}</span>
            {plan.isPopular && (
              <Badge tone="brand" data-testid="popular-badge">
                <Sparkles className="size-3" aria-hidden /> Popular
              </Badge>
            )}
          </div>
          <p className="mt-2 flex items-baseline gap-1">
            <span
              className="text-2xl font-semibold tracking-tight text-fg"
              data-testid="plan-price"
            >
              {formatPrice(plan.priceCents, plan.currency)}
            </span>
            <span className="text-xs text-fg-subtle">
              /{plan.interval === 'year' ? 'yr' : 'mo'}
            </span>
          </p>
          <p id={`plan-desc-${plan.id}`} className="mt-1 text-xs text-fg-muted">
            {plan.description}
          </p>
          <ul className="mt-3 space-y-1.5 border-t border-border pt-3">
            {plan.features.slice(0, 4).map((feature) => (
              <li key={feature} className="flex items-start gap-1.5 text-xs text-fg-muted">
                <Check className="mt-0.5 size-3 shrink-0 text-emerald-600" aria-hidden />
                {feature}
              </li>
            ))}
          </ul>
        </OptionCard>
      ))}
    </div>
  );
}
