import { Slot } from '@radix-ui/react-slot';
import { useId, type ReactNode } from 'react';
import { cn } from '../cn.js';
import { Label } from './label.js';

export interface FieldProps {
  label: ReactNode;
  /** The error message for this field; marks the control aria-invalid and describes it. */
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  /** Id given to the control; generated when omitted. */
  id?: string;
  className?: string;
  /** Content shown at the right of the label row (e.g. a "Forgot?" link or a status). */
  aside?: ReactNode;
  /** Exactly one control element (Input, Select, Textarea, Switch...). */
  children: ReactNode;
}

/**
 * Label + control + hint + error, wired for assistive tech: the control receives `id`,
 * `aria-invalid` and `aria-describedby` pointing at the hint and the error message.
 */
export function Field({
  label,
  error,
  hint,
  required,
  id,
  className,
  aside,
  children,
}: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={controlId}>
          {label}
          {required && (
            <span aria-hidden className="ml-0.5 text-red-500">
              *
            </span>
          )}
        </Label>
        {aside}
      </div>
      <Slot
        id={controlId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
      >
        {children}
      </Slot>
      {hint && !error && (
        <p id={hintId} className="text-xs text-fg-subtle">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-red-600" data-field-error="">
          {error}
        </p>
      )}
    </div>
  );
}
