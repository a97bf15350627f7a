import { EMAIL_STATUSES, type EmailLogItem, type EmailStatus } from '@orbit360/contracts';
import {
  Badge,
  Card,
  EmptyState,
  ErrorState,
  PageHeader,
  Pagination,
  SearchInput,
  Select,
  Skeleton,
  cn,
  type BadgeTone,
} from '@orbit360/ui';
import { Inbox } from 'lucide-react';
import { useState } from 'react';
import { formatRelative } from '../../../lib/format.js';
import { useEmailLog } from '../../../hooks/api/emails.js';
import { EmailPreview } from './email-preview.js';
import { useDocumentTitle } from '../../../lib/document-title.js';
import { useUrlFilters } from '../../../lib/url-filters.js';

export const EMAIL_STATUS_META: Record<EmailStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Queued', tone: 'yellow' },
  sending: { label: 'Sending', tone: 'yellow' },
  unknown: { label: 'Outcome unknown', tone: 'red' },
  sent: { label: 'Sent', tone: 'green' },
  failed: { label: 'Failed', tone: 'red' },
};

export function EmailLogPage() {
  useDocumentTitle('Email log');
  const { params, page, update, search, setSearch } = useUrlFilters('to');
  const to = params.get('to') ?? '';
  const statusParam = params.get('status');
  const status = (EMAIL_STATUSES as readonly string[]).includes(statusParam ?? '')
    ? (statusParam as EmailStatus)
    : undefined;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const log = useEmailLog({ to: to || undefined, status, page });

  const items = log.data?.items ?? [];
  const selected: EmailLogItem | undefined = items.find((e) => e.id === selectedId) ?? items[0];

  return (
    <>
      <PageHeader
        title="Email log"
        description="Every email the platform sends, with its delivery status. Without SMTP configured, emails are kept here."
      />
      <div className="mb-4 flex flex-col gap-3 sm:flex-row">
        <SearchInput
          value={search}
          onValueChange={setSearch}
          placeholder="Filter by recipient"
          aria-label="Filter by recipient"
          className="sm:w-80"
        />
        <Select
          aria-label="Delivery status"
          value={status ?? ''}
          onChange={(e) => update({ status: e.target.value || undefined, page: undefined })}
          className="sm:w-44"
        >
          <option value="">All statuses</option>
          {EMAIL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {EMAIL_STATUS_META[s].label}
            </option>
          ))}
        </Select>
      </div>

      {log.isPending ? (
        <div className="grid gap-5 lg:grid-cols-[minmax(0,22rem)_1fr]">
          <Skeleton className="h-[28rem] rounded-card" />
          <Skeleton className="h-[28rem] rounded-card" />
        </div>
      ) : log.isError ? (
        <Card>
          <ErrorState
            title="Could not load the email log"
            error={log.error}
            onRetry={() => void log.refetch()}
          />
        </Card>
      ) : items.length === 0 ? (
        <Card>
          <EmptyState
            icon={<Inbox />}
            title={to || status ? 'No emails match these filters' : 'No emails yet'}
            description="Welcome emails appear here as soon as a merchant's provisioning reaches credential delivery."
          />
        </Card>
      ) : (
        <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,22rem)_1fr]">
          <Card className="overflow-hidden">
            <ul aria-label="Emails" className="divide-y divide-border">
              {items.map((email) => {
                const active = selected?.id === email.id;
                return (
                  <li key={email.id}>
                    <button
                      type="button"
                      onClick={() => setSelectedId(email.id)}
                      aria-current={active || undefined}
                      data-testid="email-row"
                      data-email-to={email.to}
                      className={cn(
                        'w-full px-4 py-3 text-left transition-colors hover:bg-gray-50 focus-visible:-outline-offset-2',
                        active && 'bg-brand-50/70 hover:bg-brand-50',
                      )}
                    >
                      <div className="flex items-center justify-between gap-2">
                        <span className="truncate text-sm font-medium text-fg">{email.to}</span>
                        <span className="shrink-0 text-xs text-fg-subtle">
                          {formatRelative(email.createdAt)}
                        </span>
                      </div>
                      <p className="mt-0.5 truncate text-sm text-fg-muted">{email.subject}</p>
                      <div className="mt-1.5 flex items-center gap-2">
                        <Badge tone={EMAIL_STATUS_META[email.status].tone} dot>
                          {EMAIL_STATUS_META[email.status].label}
                        </Badge>
                        <span className="text-xs text-fg-subtle">{email.kind}</span>
                      </div>
                    </button>
                  </li>
                );
              })}
            </ul>
            {log.data && log.data.total > log.data.pageSize && (
              <Pagination
                className="border-t border-border"
                page={page}
                pageSize={log.data.pageSize}
                total={log.data.total}
                onPageChange={(next) => update({ page: next > 1 ? String(next) : undefined })}
              />
            )}
          </Card>
          {selected && <EmailPreview email={selected} />}
        </div>
      )}
    </>
  );
}
