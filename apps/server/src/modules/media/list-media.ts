import { count, desc, inArray } from 'drizzle-orm';
import type { MediaItem, MediaList } from '@orbit360/contracts';
import { isUuid, withTenant, type Tx } from '../../platform/database/index.js';
import type { MediaDeps } from './media.deps.js';
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

/**
 * The items of these ids the current tenant owns, inside the caller's tenant transaction
 * (e.g. a product save checking its image ids). Ids of other tenants are simply absent.
 * `lock` holds the rows (`for key share`) until the caller commits: a delete of one waits,
 * while the processing job can still mark it ready.
 */
export async function findMediaByIds(
  tx: Tx,
  ids: readonly string[],
  options: { lock?: boolean } = {},
): Promise<MediaItem[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const query = tx.select().from(media).where(inArray(media.id, valid));
  const rows = await (options.lock ? query.for('key share') : query);
  return rows.map(toMediaItem);
}
