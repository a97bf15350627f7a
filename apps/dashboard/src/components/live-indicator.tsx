import { Tooltip, cn } from '@orbit360/ui';
import type { LiveStatus } from '../lib/realtime.js';

const TEXT: Record<LiveStatus, { label: string; hint: string; dot: string }> = {
  live: {
    label: 'Live updates',
    hint: 'Changes appear here as they happen.',
    dot: 'bg-emerald-500',
  },
  connecting: { label: 'Connecting', hint: 'Opening the live connection…', dot: 'bg-amber-400' },
  reconnecting: {
    label: 'Reconnecting',
    hint: 'The live connection dropped; nothing is lost, updates resume when it is back.',
    dot: 'bg-amber-400',
  },
  offline: {
    label: 'Offline',
    hint: 'Live updates are off; reload to refresh.',
    dot: 'bg-gray-400',
  },
};

/** Shows whether the realtime connection is up. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const text = TEXT[status];
  return (
    <Tooltip content={text.hint}>
      <span
        tabIndex={0}
        data-testid="live-indicator"
        data-status={status}
        className="inline-flex items-center gap-2 rounded-full border border-border bg-surface px-2.5 py-1 text-xs font-medium text-fg-muted"
      >
        <span aria-hidden className="relative flex size-2">
          {status === 'live' && (
            <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60" />
          )}
          <span className={cn('relative inline-flex size-2 rounded-full', text.dot)} />
        </span>
        <span>{text.label}</span>
        <span className="sr-only">: {text.hint}</span>
      </span>
    </Tooltip>
  );
}
