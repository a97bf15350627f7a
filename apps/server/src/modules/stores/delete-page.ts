import { eq } from 'drizzle-orm';
import { HOME_PAGE_HANDLE } from '@orbit360/contracts';
import { inTenantScope, isUuid } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { pages } from './content.table.js';
import { publishContentChange } from './content-events.js';
import { readPage } from './page-document.js';
import type { TenantWrite } from './stores.deps.js';

/**
 * Deletes a page. The home page cannot go (409: its copy is the home page's hero). Menu items
 * linking to a deleted page stop showing on the storefront; the navigation editor flags them.
 */
export async function deletePage(options: TenantWrite & { id: string }): Promise<void> {
  const { db, tenantId, id } = options;
  if (!isUuid(id)) throw AppError.notFound('Page');
  await db.transaction(async (tx) => {
    await inTenantScope(tx, tenantId, async (tx) => {
      const current = await readPage(tx, id, { forUpdate: true });
      if (!current) throw AppError.notFound('Page');
      if (current.handle === HOME_PAGE_HANDLE) {
        throw new AppError(
          'CONFLICT',
          'The home page cannot be deleted: its title and text are your home page’s welcome. Edit it or unpublish it instead',
        );
      }
      await tx.delete(pages).where(eq(pages.id, id));
    });
    await publishContentChange(tx, options, { resource: 'page', action: 'deleted', ids: [id] });
  });
}
