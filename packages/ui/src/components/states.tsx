import { AlertTriangle, Inbox, RotateCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../cn.js';
import { Button } from './button.js';
import { Spinner } from './spinner.js';

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  className?: string;
}

export function EmptyState({ title, description, icon, action, className }: EmptyStateProps) {
  return (
    <div
      className={cn('flex flex-col items-center justify-center px-6 py-14 text-center', className)}
      data-testid="empty-state"
    >
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl border border-border bg-surface text-fg-subtle shadow-card [&_svg]:size-5">
        {icon ?? <Inbox />}
      </div>
      <h3 className="text-sm font-semibold text-fg">{title}</h3>
      {description && <p className="mt-1 max-w-sm text-sm text-fg-muted">{description}</p>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}

export interface ErrorStateProps {
  title?: ReactNode;
  /** An Error (its message is shown) or a message. */
  error?: unknown;
  onRetry?: () => void;
  className?: string;
}

export function errorMessage(error: unknown): string {
  if (!error) return 'Something went wrong.';
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function ErrorState({
  title = 'Could not load this',
  error,
  onRetry,
  className,
}: ErrorStateProps) {
  return (
    <div
      role="alert"
      className={cn('flex flex-col items-center justify-center px-6 py-14 text-center', className)}
      data-testid="error-state"
    >
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-red-50 text-red-600 [&_svg]:size-5">
        <AlertTriangle />
      </div>
      <h3 className="text-sm font-semibold text-fg">{title}</h3>
      <p className="mt-1 max-w-md text-sm text-fg-muted">{errorMessage(error)}</p>
      {onRetry && (
        <Button variant="outline" size="sm" className="mt-5" onClick={onRetry}>
          <RotateCw /> Try again
        </Button>
      )}
    </div>
  );
}

export function LoadingState({
  label = 'Loading…',
  className,
}: {
  label?: string;
  className?: string;
}) {
  return (
    <div
      className={cn(
        'flex items-center justify-center gap-3 px-6 py-14 text-sm text-fg-muted',
        className,
      )}
      data-testid="loading-state"
    >
      <Spinner label={label} />
      <span aria-hidden>{label}</span>
    </div>
  );
}

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded-md bg-gray-200/70', className)} />;
}
