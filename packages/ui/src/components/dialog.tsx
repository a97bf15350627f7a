import * as DialogPrimitive from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../cn.js';
import { Button } from './button.js';

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

const SIZES = {
  sm: 'max-w-md',
  md: 'max-w-lg',
  lg: 'max-w-2xl',
  xl: 'max-w-4xl',
  full: 'max-w-6xl',
} as const;

export interface DialogContentProps {
  title: ReactNode;
  description?: ReactNode;
  size?: keyof typeof SIZES;
  children?: ReactNode;
  /** Sticky footer (actions). */
  footer?: ReactNode;
  className?: string;
  /** Keep the dialog open when clicking outside (e.g. while a form is submitting). */
  preventOutsideClose?: boolean;
  'data-testid'?: string;
}

/**
 * A modal dialog: focus trapped, Escape closes, scroll locked, title and description wired
 * to aria-labelledby / aria-describedby. The body scrolls; header and footer stay in view.
 */
export function DialogContent({
  title,
  description,
  size = 'md',
  children,
  footer,
  className,
  preventOutsideClose,
  ...rest
}: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-40 animate-fade-in bg-gray-950/40 backdrop-blur-[2px]" />
      <DialogPrimitive.Content
        data-testid={rest['data-testid']}
        // Radix warns unless a description exists or aria-describedby is explicitly undefined.
        {...(description ? {} : { 'aria-describedby': undefined })}
        onInteractOutside={preventOutsideClose ? (e) => e.preventDefault() : undefined}
        className={cn(
          'fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col',
          'animate-pop-in rounded-2xl border border-border bg-surface shadow-pop focus:outline-none',
          SIZES[size],
          className,
        )}
      >
        <div className="flex items-start justify-between gap-4 border-b border-border px-6 py-4">
          <div className="min-w-0 space-y-1">
            <DialogPrimitive.Title className="text-lg font-semibold text-fg">
              {title}
            </DialogPrimitive.Title>
            {description && (
              <DialogPrimitive.Description className="text-sm text-fg-muted">
                {description}
              </DialogPrimitive.Description>
            )}
          </div>
          <DialogPrimitive.Close asChild>
            <Button variant="ghost" size="icon" aria-label="Close" className="-mr-2 -mt-1">
              <X />
            </Button>
          </DialogPrimitive.Close>
        </div>
        {children !== undefined && children !== null && children !== false && (
          <div className="min-h-0 flex-1 overflow-y-auto px-6 py-5">{children}</div>
        )}
        {footer && (
          <div className="flex flex-wrap items-center justify-end gap-2 rounded-b-2xl border-t border-border bg-gray-50/70 px-6 py-3">
            {footer}
          </div>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: string;
  tone?: 'primary' | 'danger';
  loading?: boolean;
  onConfirm: () => void;
  /** Extra content, e.g. an inline error from the last attempt. */
  children?: ReactNode;
}

/** "Are you sure?" with a single confirming action. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel = 'Confirm',
  tone = 'primary',
  loading,
  onConfirm,
  children,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={title}
        description={description}
        size="sm"
        preventOutsideClose={loading}
        footer={
          <>
            <DialogClose asChild>
              <Button variant="outline" disabled={loading}>
                Cancel
              </Button>
            </DialogClose>
            <Button variant={tone} loading={loading} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </>
        }
      >
        {children}
      </DialogContent>
    </Dialog>
  );
}
