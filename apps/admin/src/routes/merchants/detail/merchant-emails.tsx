import type { Merchant } from '@orbit360/contracts';
import {
  Badge,
  Button,
  CardContent,
  ErrorState,
  Skeleton,
  errorMessage,
  useToast,
} from '@orbit360/ui';
import { KeyRound } from 'lucide-react';
import { formatRelative } from '../../../lib/format.js';
import { useCanWrite } from '../../../lib/session.js';
import { useEmailLog } from '../../../hooks/api/emails.js';
import { EMAIL_STATUS_META } from '../../emails/list/email-log-page.js';
import { useSendPasswordLink } from '../../../hooks/api/merchants.js';

/**
 * The emails sent to a merchant's owner (welcome, links) with their delivery status — a
 * welcome email rejected by the mail server shows as failed here — and, for admins who may
 * write, "Send a new set-password link" (the link goes by email; nobody sees it here).
 */
export function MerchantEmails({ merchant }: { merchant: Merchant }) {
  const log = useEmailLog({ to: merchant.email });
  const canWrite = useCanWrite();
  const send = useSendPasswordLink();
  const toast = useToast();
  const items = (log.data?.items ?? []).slice(0, 5);

  return (
    <CardContent className="space-y-3">
      {log.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : log.isError ? (
        <ErrorState title="Could not load the emails" error={log.error} />
      ) : items.length === 0 ? (
        <p className="text-sm text-fg-muted">No email sent to this merchant yet.</p>
      ) : (
        <ul className="space-y-2" data-testid="merchant-emails">
          {items.map((email) => (
            <li
              key={email.id}
              className="text-sm"
              data-testid="merchant-email"
              data-status={email.status}
            >
              <div className="flex items-center justify-between gap-2">
                <span className="truncate">{email.subject}</span>
                <Badge tone={EMAIL_STATUS_META[email.status].tone} dot>
                  {EMAIL_STATUS_META[email.status].label}
                </Badge>
              </div>
              <p className="text-xs text-fg-subtle">
                {formatRelative(email.createdAt)}
                {email.lastError && email.status !== 'sent' ? ` · ${email.lastError}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && merchant.tenantId && merchant.status !== 'suspended' && (
        <Button
          size="sm"
          variant="outline"
          loading={send.isPending}
          data-testid="send-password-link"
          onClick={() =>
            send.mutate(merchant.id, {
              onSuccess: () =>
                toast({
                  tone: 'success',
                  title: 'New set-password link sent',
                  description: `${merchant.email} — earlier links no longer work.`,
                }),
              onError: (error) =>
                toast({
                  tone: 'danger',
                  title: 'Could not send the link',
                  description: errorMessage(error),
                }),
            })
          }
        >
          <KeyRound /> Send a new set-password link
        </Button>
      )}
    </CardContent>
  );
}
