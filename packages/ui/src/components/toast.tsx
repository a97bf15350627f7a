import { X } from 'lucide-react';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { cn } from '../cn.js';
import type { AlertTone } from './alert.js';

export interface ToastInput {
  title: ReactNode;
  description?: ReactNode;
  tone?: AlertTone;
  /** ms; default 5000. */
  duration?: number;
}

interface ToastItem extends ToastInput {
  id: number;
}

type ToastFn = (toast: ToastInput) => void;

const ToastContext = createContext<ToastFn | null>(null);

const TONE_BAR: Record<AlertTone, string> = {
  info: 'bg-sky-500',
  success: 'bg-emerald-500',
  warning: 'bg-amber-500',
  danger: 'bg-red-500',
};

/** Renders toasts in a polite live region at the bottom right. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback(
    (id: number) => setItems((all) => all.filter((t) => t.id !== id)),
    [],
  );
  const toast = useCallback<ToastFn>(
    (input) => {
      const id = nextId.current++;
      setItems((all) => [...all.slice(-3), { ...input, id }]);
      setTimeout(() => dismiss(id), input.duration ?? 5000);
    },
    [dismiss],
  );
  const value = useMemo(() => toast, [toast]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed right-4 bottom-4 z-[60] flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
      >
        {items.map((t) => (
          <div
            key={t.id}
            role="status"
            data-testid="toast"
            className="pointer-events-auto flex animate-slide-in overflow-hidden rounded-xl border border-border bg-surface shadow-pop"
          >
            <span aria-hidden className={cn('w-1 shrink-0', TONE_BAR[t.tone ?? 'info'])} />
            <div className="min-w-0 flex-1 px-4 py-3">
              <p className="text-sm font-semibold text-fg">{t.title}</p>
              {t.description && <p className="mt-0.5 text-sm text-fg-muted">{t.description}</p>}
            </div>
            <button
              type="button"
              aria-label="Dismiss"
              onClick={() => dismiss(t.id)}
              className="m-2 flex size-7 items-center justify-center rounded-md text-fg-subtle hover:bg-gray-100 hover:text-fg"
            >
              <X className="size-4" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Returns `toast({ title, description, tone })`; a no-op outside a ToastProvider. */
export function useToast(): ToastFn {
  return useContext(ToastContext) ?? noop;
}

function noop() {}
