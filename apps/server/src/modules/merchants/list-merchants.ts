import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { MERCHANT_STATUSES, type MerchantList, type MerchantListQuery } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';
import { toMerchantDto } from './merchant.dto.js';
import { merchants } from './merchants.table.js';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listMerchants(options: {
  db: Executor;
  query: MerchantListQuery;
}): Promise<MerchantList> {
  const { db, query } = options;
  const search = query.q
    ? or(
        ilike(merchants.storeName, `%${escapeLike(query.q)}%`),
        ilike(merchants.email, `%${escapeLike(query.q)}%`),
        ilike(merchants.ownerName, `%${escapeLike(query.q)}%`),
        ilike(merchants.merchantCode, `%${escapeLike(query.q)}%`),
      )
    : undefined;
  const filters: (SQL | undefined)[] = [search];
  if (query.status) filters.push(eq(merchants.status, query.status));
  const where = and(...filters);

  const [rows, totals, byStatus] = await Promise.all([
    db
      .select()
      .from(merchants)
      .where(where)
      .orderBy(desc(merchants.createdAt), desc(merchants.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(merchants).where(where),
    // Counts per status ignore the status filter (they label the tabs) but honour the search.
    db
      .select({ status: merchants.status, n: sql<number>`count(*)::int` })
      .from(merchants)
      .where(search)
      .groupBy(merchants.status),
  ]);

  const counts = Object.fromEntries(MERCHANT_STATUSES.map((s) => [s, 0])) as MerchantList['counts'];
  for (const row of byStatus) counts[row.status] = row.n;
  return {
    items: rows.map(toMerchantDto),
    total: totals[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    counts,
  };
}
