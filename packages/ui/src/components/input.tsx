import { forwardRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cn } from '../cn.js';

export const controlClasses = cn(
  'block w-full rounded-lg border border-border-strong bg-surface px-3 text-sm text-fg shadow-sm',
  'placeholder:text-fg-subtle transition-colors',
  'focus:border-brand-500 focus:outline-none focus:ring-4 focus:ring-brand-100',
  'disabled:cursor-not-allowed disabled:bg-gray-50 disabled:text-fg-subtle',
  'aria-[invalid=true]:border-red-400 aria-[invalid=true]:focus:ring-red-100',
);

export type InputProps = InputHTMLAttributes<HTMLInputElement>;

export const Input = forwardRef<HTMLInputElement, InputProps>(function Input(
  { className, ...props },
  ref,
) {
  return <input ref={ref} className={cn(controlClasses, 'h-9', className)} {...props} />;
});

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement>;

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { className, rows = 4, ...props },
  ref,
) {
  return (
    <textarea ref={ref} rows={rows} className={cn(controlClasses, 'py-2', className)} {...props} />
  );
});
