import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { EmailLog, EmailLogQuery } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';
import { emails } from './email.table.js';
import { ONE_TIME_TOKEN_PLACEHOLDER } from './enqueue-email.js';

/**
 * One-time links are never readable in the log, for any role and any transport: the outbox
 * holds a placeholder instead of the token (ADR 024), and any token value (rows written
 * before that) is masked too.
 */
const maskTokens = (body: string) =>
  body
    .replaceAll(ONE_TIME_TOKEN_PLACEHOLDER, '[hidden]')
    .replace(/([?&](amp;)?token=)[A-Za-z0-9_-]{16,}/g, '$1[hidden]');

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
      return {
        id: row.id,
        kind: row.kind,
        to: row.to,
        subject: row.subject,
        text: maskTokens(row.text),
        html: maskTokens(row.html),
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
