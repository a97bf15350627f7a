import { eq } from 'drizzle-orm';
import type { Collection, CollectionInput } from '@orbit360/contracts';
import { inTenantScope, isUuid } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { collections } from './catalog.table.js';
import type { TenantWrite } from './catalog-deps.js';
import { publishCatalogChange } from './catalog-events.js';
import {
  collectionColumns,
  readCollection,
  writeCollectionProducts,
} from './collection-document.js';
import { withHandleConflict } from '../../platform/handles.js';

/** Replaces a collection (fields and ordered products); without a handle it keeps its own. */
export async function updateCollection(
  options: TenantWrite & { id: string; input: CollectionInput },
): Promise<Collection> {
  const { db, tenantId, id, input } = options;
  if (!isUuid(id)) throw AppError.notFound('Collection');
  return db.transaction(async (tx) => {
    const collection = await inTenantScope(tx, tenantId, async (tx) => {
      const updated = await withHandleConflict('collection', () =>
        tx
          .update(collections)
          .set({
            ...collectionColumns(input),
            ...(input.handle && { handle: input.handle }),
            updatedAt: new Date(),
          })
          .where(eq(collections.id, id))
          .returning({ id: collections.id }),
      );
      if (!updated.length) throw AppError.notFound('Collection');
      await writeCollectionProducts(tx, {
        tenantId,
        collectionId: id,
        productIds: input.productIds,
      });
      return (await readCollection(tx, id))!;
    });
    await publishCatalogChange(tx, options, {
      resource: 'collection',
      action: 'updated',
      ids: [id],
    });
    return collection;
  });
}
