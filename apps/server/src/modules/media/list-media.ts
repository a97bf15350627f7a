import { count, desc } from 'drizzle-orm';
import type { MediaList } from '@orbit360/contracts';
import { withTenant } from '../../platform/database/index.js';
import type { MediaDeps } from './media-deps.js';
import { toMediaItem } from './media.dto.js';
import { media } from './media.table.js';

const PAGE_SIZE = 50;

/** A tenant's media, newest first, 50 a page (RLS: only its own). */
export async function listMedia(options: {
  deps: Pick<MediaDeps, 'db'>;
  tenantId: string;
  page: number;
}): Promise<MediaList> {
  const { deps, tenantId, page } = options;
  return withTenant(deps.db, tenantId, async (tx) => {
    const [rows, [total]] = await Promise.all([
      tx
        .select()
        .from(media)
        .orderBy(desc(media.createdAt), desc(media.id))
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE),
      tx.select({ n: count() }).from(media),
    ]);
    return { items: rows.map(toMediaItem), page, pageSize: PAGE_SIZE, total: total?.n ?? 0 };
  });
}
