import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { EmailLog, EmailLogQuery } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';
import { emails } from './email.table.js';

/**
 * One-time links (`?token=…`) of emails delivered to a real mailbox are masked in the log, so
 * reading the log does not hand an operator someone else's account. Without SMTP the log is
 * the mailbox, and shows them.
 */
const maskTokens = (body: string) =>
  body.replace(/([?&]token=)[A-Za-z0-9_-]{16,}/g, '$1[redacted]');

/** The email log, newest first; `to` matches the recipient address case-insensitively. */
export async function listEmails(options: {
  db: Executor;
  query: EmailLogQuery;
}): Promise<EmailLog> {
  const { db, query } = options;
  const filters: SQL[] = [];
  if (query.to) filters.push(eq(sql`lower(${emails.to})`, query.to.toLowerCase()));
  if (query.status) filters.push(eq(emails.status, query.status));
  const where = and(...filters);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(emails)
      .where(where)
      .orderBy(desc(emails.createdAt), desc(emails.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(emails).where(where),
  ]);
  return {
    items: rows.map((row) => {
      const shown = row.transport === 'smtp' ? maskTokens : (body: string) => body;
      return {
        id: row.id,
        kind: row.kind,
        to: row.to,
        subject: row.subject,
        text: shown(row.text),
        html: shown(row.html),
        status: row.status,
        transport: row.transport,
        attempts: row.attempts,
        lastError: row.lastError,
        messageId: row.messageId,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
      };
    }),
    total: totals[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
