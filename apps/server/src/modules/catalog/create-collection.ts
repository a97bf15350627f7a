import { sql } from 'drizzle-orm';
import type { Collection, CollectionInput } from '@orbit360/contracts';
import { inTenantScope } from '../../platform/database/index.js';
import { collections } from './catalog.table.js';
import type { TenantWrite } from './catalog-deps.js';
import { publishCatalogChange } from './catalog-events.js';
import { lockTenantCatalog } from './catalog-lock.js';
import {
  readCollection,
  collectionColumns,
  writeCollectionProducts,
} from './collection-document.js';
import { freeHandle, handleFromTitle, withHandleConflict } from '../../platform/handles.js';

/** Creates a collection with its ordered products; handle generated like a product's. */
export async function createCollection(
  options: TenantWrite & { input: CollectionInput },
): Promise<Collection> {
  const { db, tenantId, input } = options;
  return db.transaction(async (tx) => {
    await lockTenantCatalog(tx, tenantId);
    const collection = await inTenantScope(tx, tenantId, async (tx) => {
      const handle =
        input.handle ??
        (await freeHandle(tx, sql`collections`, handleFromTitle(input.title, 'collection')));
      const [row] = await withHandleConflict('collection', () =>
        tx
          .insert(collections)
          .values({ tenantId, handle, ...collectionColumns(input) })
          .returning({ id: collections.id }),
      );
      await writeCollectionProducts(tx, {
        tenantId,
        collectionId: row!.id,
        productIds: input.productIds,
      });
      return (await readCollection(tx, row!.id))!;
    });
    await publishCatalogChange(tx, options, {
      resource: 'collection',
      action: 'created',
      ids: [collection.id],
    });
    return collection;
  });
}
