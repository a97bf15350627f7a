import { CardContent, EmptyState, ErrorState, Skeleton, isApiError } from '@orbit360/ui';
import { History } from 'lucide-react';
import { formatDateTime, formatRelative } from '../../../lib/format.js';
import { useAdmin } from '../../../lib/session.js';
import { actionTone, dataFacts, describeAction, describeActor } from '../../audit/audit-format.js';
import { useAuditLog } from '../../../hooks/api/audit.js';

const DOT: Record<string, string> = {
  red: 'bg-red-500',
  green: 'bg-emerald-500',
  blue: 'bg-sky-500',
  gray: 'bg-gray-400',
};

/** Timeline of the audit entries about one merchant, newest first. */
export function AuditTrail({ targetId }: { targetId: string }) {
  const admin = useAdmin();
  const audit = useAuditLog({ targetId, pageSize: 50 });
  const names = new Map([[admin.id, admin.name]]);

  if (audit.isPending)
    return (
      <CardContent className="space-y-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </CardContent>
    );
  if (audit.isError) {
    if (isApiError(audit.error) && audit.error.status === 404)
      return (
        <EmptyState
          icon={<History />}
          title="Audit trail unavailable"
          description="This server does not expose the audit log yet."
        />
      );
    return (
      <ErrorState
        title="Could not load the audit trail"
        error={audit.error}
        onRetry={() => void audit.refetch()}
      />
    );
  }
  if (audit.data.items.length === 0)
    return (
      <EmptyState
        icon={<History />}
        title="No recorded changes yet"
        description="Lifecycle changes appear here as they happen."
      />
    );

  return (
    <CardContent>
      <ol className="relative space-y-4 before:absolute before:top-2 before:bottom-2 before:left-[5px] before:w-px before:bg-border">
        {audit.data.items.map((entry) => {
          const facts = dataFacts(entry.data);
          return (
            <li key={entry.id} className="relative flex gap-4 pl-6" data-testid="audit-entry">
              <span
                className={`absolute top-1.5 left-0 size-[11px] rounded-full ring-4 ring-surface ${DOT[actionTone(entry.action)]}`}
                aria-hidden
              />
              <div className="min-w-0 flex-1">
                <p className="text-sm text-fg">
                  <span className="font-medium">{describeAction(entry.action)}</span>
                  <span className="text-fg-muted"> by {describeActor(entry, names)}</span>
                </p>
                {facts.length > 0 && (
                  <p className="mt-0.5 truncate text-xs text-fg-subtle">{facts.join(' · ')}</p>
                )}
              </div>
              <time
                dateTime={entry.at}
                title={formatDateTime(entry.at)}
                className="shrink-0 text-xs text-fg-subtle"
              >
                {formatRelative(entry.at)}
              </time>
            </li>
          );
        })}
      </ol>
    </CardContent>
  );
}
