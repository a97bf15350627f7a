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
  TBody,
  TD,
  TH,
  THead,
  TR,
  Table,
  isApiError,
} from '@orbit360/ui';
import { ScrollText } from 'lucide-react';
import { Link } from 'react-router-dom';
import { formatDateTime, formatRelative } from '../../../lib/format.js';
import { useAdmin } from '../../../lib/session.js';
import { actionTone, dataFacts, describeAction, describeActor } from '../audit-format.js';
import { useAuditLog } from '../../../hooks/api/audit.js';
import { useDocumentTitle } from '../../../lib/document-title.js';
import { useUrlFilters } from '../../../lib/url-filters.js';

const PAGE_SIZE = 50;
const TARGET_TYPES = ['merchant', 'theme', 'plan', 'admin', 'store'];

export function AuditLogPage() {
  useDocumentTitle('Audit log');
  const admin = useAdmin();
  const { params, page, update, search, setSearch } = useUrlFilters('action');
  const action = params.get('action') ?? '';
  const targetType = params.get('targetType') ?? '';
  const audit = useAuditLog({
    action: action || undefined,
    targetType: targetType || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const names = new Map([[admin.id, admin.name]]);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, to which resource, and when. Entries are never edited or removed."
      />
      <div className="mb-4 flex flex-col gap-3 sm:flex-row">
        <SearchInput
          value={search}
          onValueChange={setSearch}
          placeholder="Action, e.g. merchant.suspended"
          aria-label="Filter by action"
          className="sm:w-80"
        />
        <Select
          aria-label="Resource type"
          value={targetType}
          onChange={(e) => update({ targetType: e.target.value || undefined, page: undefined })}
          className="sm:w-44"
        >
          <option value="">All resources</option>
          {TARGET_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.charAt(0).toUpperCase() + t.slice(1)}
            </option>
          ))}
        </Select>
      </div>
      <Card className="overflow-hidden">
        {audit.isPending ? (
          <div className="space-y-3 p-4">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        ) : audit.isError ? (
          isApiError(audit.error) && audit.error.status === 404 ? (
            <EmptyState
              icon={<ScrollText />}
              title="Audit log unavailable"
              description="This server does not expose the audit log yet."
            />
          ) : (
            <ErrorState
              title="Could not load the audit log"
              error={audit.error}
              onRetry={() => void audit.refetch()}
            />
          )
        ) : audit.data.items.length === 0 ? (
          <EmptyState
            icon={<ScrollText />}
            title="No entries"
            description={
              action || targetType
                ? 'Nothing matches these filters.'
                : 'Changes to merchants, themes and plans appear here.'
            }
          />
        ) : (
          <>
            <Table aria-label="Audit entries">
              <THead>
                <tr>
                  <TH>When</TH>
                  <TH>Action</TH>
                  <TH>Actor</TH>
                  <TH>Resource</TH>
                  <TH className="hidden lg:table-cell">Details</TH>
                </tr>
              </THead>
              <TBody>
                {audit.data.items.map((entry) => (
                  <TR key={entry.id} data-testid="audit-row">
                    <TD
                      className="whitespace-nowrap text-fg-muted"
                      title={formatDateTime(entry.at)}
                    >
                      {formatRelative(entry.at)}
                    </TD>
                    <TD>
                      <Badge tone={actionTone(entry.action)}>{describeAction(entry.action)}</Badge>
                    </TD>
                    <TD className="whitespace-nowrap">{describeActor(entry, names)}</TD>
                    <TD className="max-w-56">
                      <span className="text-fg-muted">{entry.target.type}</span>{' '}
                      {entry.target.type === 'merchant' && entry.target.id ? (
                        <Link
                          to={`/merchants/${entry.target.id}`}
                          className="font-mono text-xs text-brand-700 hover:underline"
                        >
                          {entry.target.id.slice(0, 8)}
                        </Link>
                      ) : (
                        <span className="font-mono text-xs text-fg-subtle">
                          {entry.target.id?.slice(0, 8) ?? ''}
                        </span>
                      )}
                    </TD>
                    <TD className="hidden max-w-md truncate text-xs text-fg-subtle lg:table-cell">
                      {dataFacts(entry.data).join(' · ') || '—'}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            {audit.data.total > PAGE_SIZE && (
              <Pagination
                className="border-t border-border"
                page={page}
                pageSize={PAGE_SIZE}
                total={audit.data.total}
                onPageChange={(next) => update({ page: next > 1 ? String(next) : undefined })}
              />
            )}
          </>
        )}
      </Card>
    </>
  );
}
