import { AlertCircle, Check } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../cn.js';

export type StepStatus = 'complete' | 'current' | 'upcoming' | 'error';

export interface StepItem {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  status: StepStatus;
}

export interface StepIndicatorProps {
  steps: StepItem[];
  orientation?: 'horizontal' | 'vertical';
  className?: string;
  /** Makes completed steps clickable (e.g. going back in a wizard). */
  onStepClick?: (id: string) => void;
}

function Bullet({ status, index }: { status: StepStatus; index: number }) {
  return (
    <span
      aria-hidden
      className={cn(
        'flex size-8 shrink-0 items-center justify-center rounded-full border-2 text-xs font-semibold transition-colors',
        status === 'complete' && 'border-brand-600 bg-brand-600 text-white',
        status === 'current' && 'border-brand-600 bg-surface text-brand-700 ring-4 ring-brand-100',
        status === 'upcoming' && 'border-border-strong bg-surface text-fg-subtle',
        status === 'error' && 'border-red-500 bg-red-50 text-red-600',
      )}
    >
      {status === 'complete' ? (
        <Check className="size-4" strokeWidth={3} />
      ) : status === 'error' ? (
        <AlertCircle className="size-4" />
      ) : (
        index + 1
      )}
    </span>
  );
}

const STATUS_TEXT: Record<StepStatus, string> = {
  complete: 'completed',
  current: 'current step',
  upcoming: 'not started',
  error: 'failed',
};

/** A numbered list of steps for wizards and multi-step flows. */
export function StepIndicator({
  steps,
  orientation = 'horizontal',
  className,
  onStepClick,
}: StepIndicatorProps) {
  const vertical = orientation === 'vertical';
  return (
    <ol
      className={cn(vertical ? 'flex flex-col gap-0' : 'flex items-start gap-2', className)}
      aria-label="Progress"
    >
      {steps.map((step, index) => {
        const last = index === steps.length - 1;
        const clickable = onStepClick && step.status === 'complete';
        const content = (
          <>
            <Bullet status={step.status} index={index} />
            <span className={cn('min-w-0', vertical ? 'pt-1' : 'text-center')}>
              <span
                className={cn(
                  'block text-sm font-medium',
                  step.status === 'upcoming' ? 'text-fg-muted' : 'text-fg',
                  step.status === 'error' && 'text-red-700',
                )}
              >
                {step.label}
              </span>
              {step.description && (
                <span className="mt-0.5 block text-xs text-fg-subtle">{step.description}</span>
              )}
              <span className="sr-only">, {STATUS_TEXT[step.status]}</span>
            </span>
          </>
        );
        return (
          <li
            key={step.id}
            aria-current={step.status === 'current' ? 'step' : undefined}
            data-status={step.status}
            className={cn('relative', vertical ? 'pb-6 last:pb-0' : 'flex-1')}
          >
            {!last && (
              <span
                aria-hidden
                className={cn(
                  'absolute',
                  vertical
                    ? 'top-9 bottom-1 left-4 w-0.5 -translate-x-1/2'
                    : 'top-4 right-[calc(-50%+1.25rem)] left-[calc(50%+1.25rem)] h-0.5',
                  step.status === 'complete' ? 'bg-brand-600' : 'bg-border',
                )}
              />
            )}
            {clickable ? (
              <button
                type="button"
                onClick={() => onStepClick(step.id)}
                className={cn(
                  'flex gap-3 rounded-md text-left',
                  vertical ? 'flex-row' : 'w-full flex-col items-center gap-2',
                )}
              >
                {content}
              </button>
            ) : (
              <div
                className={cn('flex gap-3', vertical ? 'flex-row' : 'flex-col items-center gap-2')}
              >
                {content}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
