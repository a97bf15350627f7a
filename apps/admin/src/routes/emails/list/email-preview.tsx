import type { EmailLogItem } from '@orbit360/contracts';
import {
  Alert,
  Badge,
  Card,
  CardContent,
  CardHeader,
  CopyButton,
  DescriptionList,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
} from '@orbit360/ui';
import { KeyRound, Link2 } from 'lucide-react';
import { useMemo } from 'react';
import { formatDateTime } from '../../../lib/format.js';

const SET_PASSWORD = /set-password|reset-password|[?&]token=/i;

/** The links of an email (from its HTML, else its text), unique, in order. */
export function emailLinks(email: Pick<EmailLogItem, 'html' | 'text'>): string[] {
  const links: string[] = [];
  if (email.html && typeof DOMParser !== 'undefined') {
    const doc = new DOMParser().parseFromString(email.html, 'text/html');
    for (const a of doc.querySelectorAll('a[href]')) links.push(a.getAttribute('href') ?? '');
  }
  if (links.length === 0) links.push(...(email.text.match(/https?:\/\/[^\s<>"')]+/g) ?? []));
  return [...new Set(links.filter((l) => /^https?:\/\//.test(l)))];
}

/**
 * The rendered email: its HTML in a sandboxed iframe (no scripts, no same-origin access;
 * links open in a new tab), its text version, and the links it contains.
 */
export function EmailPreview({ email }: { email: EmailLogItem }) {
  const links = useMemo(() => emailLinks(email), [email]);
  const srcDoc = useMemo(
    () =>
      `<!doctype html><html><head><base target="_blank"><meta charset="utf-8"></head><body style="margin:0">${email.html}</body></html>`,
    [email.html],
  );
  return (
    <Card className="min-w-0" data-testid="email-preview">
      <CardHeader title={email.subject} description={`To ${email.to}`} />
      <CardContent className="space-y-5">
        <DescriptionList
          columns={3}
          items={[
            { label: 'Created', value: formatDateTime(email.createdAt) },
            { label: 'Sent', value: email.sentAt ? formatDateTime(email.sentAt) : '—' },
            {
              label: 'Delivery',
              value: (
                <span className="flex items-center gap-2">
                  {email.transport === 'log'
                    ? 'Kept in this log'
                    : email.transport === 'smtp'
                      ? 'SMTP'
                      : '—'}
                  {email.attempts > 1 && <Badge tone="yellow">{email.attempts} attempts</Badge>}
                </span>
              ),
            },
          ]}
        />
        {email.lastError && (
          <Alert
            tone={email.status === 'failed' ? 'danger' : 'warning'}
            title="Last delivery error"
          >
            {email.lastError}
          </Alert>
        )}
        <Tabs defaultValue="html">
          <TabsList aria-label="Email format">
            <TabsTrigger value="html">Rendered</TabsTrigger>
            <TabsTrigger value="text">Plain text</TabsTrigger>
          </TabsList>
          <TabsContent value="html" className="pt-4">
            <iframe
              title={`Email: ${email.subject}`}
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={srcDoc}
              className="h-[32rem] w-full rounded-lg border border-border bg-white"
              data-testid="email-html"
            />
          </TabsContent>
          <TabsContent value="text" className="pt-4">
            <pre className="max-h-[32rem] overflow-auto rounded-lg border border-border bg-gray-50 p-4 font-mono text-xs whitespace-pre-wrap text-fg">
              {email.text}
            </pre>
          </TabsContent>
        </Tabs>
        {links.length > 0 && (
          <div className="space-y-2">
            <h3 className="text-sm font-medium text-fg">Links in this email</h3>
            <ul className="divide-y divide-border rounded-lg border border-border">
              {links.map((href) => {
                const isSetPassword = SET_PASSWORD.test(href);
                return (
                  <li key={href} className="flex items-center gap-2 px-3 py-2">
                    {isSetPassword ? (
                      <KeyRound className="size-4 shrink-0 text-amber-600" aria-hidden />
                    ) : (
                      <Link2 className="size-4 shrink-0 text-fg-subtle" aria-hidden />
                    )}
                    <a
                      href={href}
                      target="_blank"
                      rel="noreferrer"
                      className="min-w-0 flex-1 truncate text-sm text-brand-700 hover:underline"
                      data-testid={isSetPassword ? 'set-password-link' : 'email-link'}
                    >
                      {isSetPassword ? 'Set-password link' : href}
                    </a>
                    {isSetPassword && (
                      <span className="hidden truncate text-xs text-fg-subtle md:block md:max-w-64">
                        {href.replace(/token=[^&]+/, 'token=…')}
                      </span>
                    )}
                    <CopyButton value={href} label="Copy link" />
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
