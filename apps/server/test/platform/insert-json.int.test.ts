import { describe, expect, it } from 'vitest';
import { insertJsonRows, insertJsonRowsReturning } from '../../src/platform/database/index.js';
import { auditLog } from '../../src/modules/audit/index.js';
import { emails } from '../../src/modules/email/index.js';
import { setupTestDatabase } from '../helpers.js';

/** Bulk inserts sent as one JSON document read back exactly as drizzle's own inserts. */
describe('insertJsonRows', () => {
  const database = setupTestDatabase();

  const email = (n: number) => ({
    kind: 'test',
    messageId: `<json-${n}@orbit360.test>`,
    tenantId: null,
    to: `to-${n}@example.test`,
    subject: `Subject ${n} — "quoted" & <b>`,
    text: 'line one\nline two',
    html: '<p>Hi</p>',
  });

  it('returns typed rows in input order, with the database defaults filled in', async () => {
    const rows = await insertJsonRowsReturning(database.db, emails, [email(1), email(2), email(3)]);
    expect(rows.map((r) => r.messageId)).toEqual([1, 2, 3].map((n) => email(n).messageId));
    const [first] = rows;
    expect(first!.subject).toBe('Subject 1 — "quoted" & <b>');
    expect(first!.status).toBe('queued');
    expect(first!.attempts).toBe(0);
    expect(first!.createdAt).toBeInstanceOf(Date);
    expect(first!.sentAt).toBeNull();
    const viaDrizzle = await database.db.select().from(emails);
    expect(viaDrizzle.find((r) => r.id === first!.id)).toEqual(first);
  });

  it('skips conflicts on the target only, and raises other unique violations', async () => {
    const again = await insertJsonRowsReturning(database.db, emails, [email(1), email(4)], {
      onConflictDoNothing: { target: emails.messageId },
    });
    expect(again.map((r) => r.messageId)).toEqual([email(4).messageId]);
    await expect(
      insertJsonRows(database.db, emails, [{ ...email(5), id: again[0]!.id }], {
        onConflictDoNothing: { target: emails.messageId },
      }),
    ).rejects.toThrow();
  });

  it('stores JSON documents as jsonb and keeps serial order', async () => {
    await insertJsonRows(
      database.db,
      auditLog,
      [1, 2, 3].map((n) => ({
        actorType: 'system' as const,
        action: `test.${n}`,
        targetType: 'thing',
        data: { n, nested: { list: [n, 'x'] } },
      })),
    );
    const rows = await database.db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.data])).toEqual(
      [1, 2, 3].map((n) => [`test.${n}`, { n, nested: { list: [n, 'x'] } }]),
    );
  });
});
