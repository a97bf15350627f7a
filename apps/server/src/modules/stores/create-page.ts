import { sql } from 'drizzle-orm';
import type { Page, PageInput } from '@orbit360/contracts';
import { inTenantScope } from '../../platform/database/index.js';
import { pages } from './content.table.js';
import { lockTenantContent, publishContentChange } from './content-events.js';
import { pageColumns, toPage } from './page-document.js';
import type { TenantWrite } from './stores.deps.js';
import { freeHandle, handleFromTitle, withHandleConflict } from '../../platform/handles.js';

/**
 * Creates a page. Without a handle one is generated from the title (-2, -3… on a clash, under
 * the tenant's content lock); an explicit handle already in use → 409.
 */
export async function createPage(options: TenantWrite & { input: PageInput }): Promise<Page> {
  const { db, tenantId, input } = options;
  return db.transaction(async (tx) => {
    await lockTenantContent(tx, tenantId);
    const page = await inTenantScope(tx, tenantId, async (tx) => {
      const handle =
        input.handle ?? (await freeHandle(tx, sql`pages`, handleFromTitle(input.title, 'page')));
      const [row] = await withHandleConflict('page', () =>
        tx
          .insert(pages)
          .values({ tenantId, handle, ...pageColumns(input) })
          .returning(),
      );
      return toPage(row!);
    });
    await publishContentChange(tx, options, {
      resource: 'page',
      action: 'created',
      ids: [page.id],
    });
    return page;
  });
}
