import { eq, sql } from 'drizzle-orm';
import { HOME_PAGE_HANDLE, type Page, type PageInput } from '@orbit360/contracts';
import { inTenantScope, isUuid } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { pages } from './content.table.js';
import { lockTenantContent, publishContentChange } from './content-events.js';
import { pageColumns, readPage, toPage } from './page-document.js';
import { withHandleConflict } from '../../platform/handles.js';
import type { TenantWrite } from './stores.deps.js';

/**
 * Replaces a page if `revision` is still its current one (409 with `details.currentRevision`
 * otherwise) and bumps the revision. Without a handle the page keeps its own; the home page
 * (its copy is the home page's hero) keeps `home`. A saved starter page is the merchant's own
 * from then on (no longer `isSample`).
 */
export async function updatePage(
  options: TenantWrite & { id: string; revision: number; input: PageInput },
): Promise<Page> {
  const { db, tenantId, id, input } = options;
  if (!isUuid(id)) throw AppError.notFound('Page');
  return db.transaction(async (tx) => {
    await lockTenantContent(tx, tenantId);
    const page = await inTenantScope(tx, tenantId, async (tx) => {
      const current = await readPage(tx, id, { forUpdate: true });
      if (!current) throw AppError.notFound('Page');
      if (current.revision !== options.revision) {
        throw new AppError(
          'CONFLICT',
          'The page changed since you opened it: reload it, then save again',
          { currentRevision: current.revision },
        );
      }
      const handle = input.handle ?? current.handle;
      if (current.handle === HOME_PAGE_HANDLE && handle !== HOME_PAGE_HANDLE) {
        throw new AppError('CONFLICT', 'The home page keeps its handle "home"', {
          field: 'body.handle',
        });
      }
      const [row] = await withHandleConflict('page', () =>
        tx
          .update(pages)
          .set({
            ...pageColumns(input),
            handle,
            isSample: false,
            revision: sql`${pages.revision} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(pages.id, id))
          .returning(),
      );
      return toPage(row!);
    });
    await publishContentChange(tx, options, { resource: 'page', action: 'updated', ids: [id] });
    return page;
  });
}
