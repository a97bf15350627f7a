import { sql } from 'drizzle-orm';
import type { Collection, CollectionList } from '@orbit360/contracts';
import { withTenant } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import type { TenantScope } from './catalog-deps.js';
import { readCollection } from './collection-document.js';

/** One collection with its ordered product ids; 404 for unknown or other tenants' ids. */
export async function getCollection(options: TenantScope & { id: string }): Promise<Collection> {
  const collection = await withTenant(options.db, options.tenantId, (tx) =>
    readCollection(tx, options.id),
  );
  if (!collection) throw AppError.notFound('Collection');
  return collection;
}

type SummaryRow = CollectionList['items'][number] & Record<string, unknown>;

/** The store's collections in their display order, with product counts. */
export async function listCollections(options: TenantScope): Promise<CollectionList> {
  const rows = await withTenant(options.db, options.tenantId, async (tx) => {
    const result = await tx.execute<SummaryRow>(sql`
      select c.id, c.handle, c.title, c.description, c.sort_order as "sortOrder",
        c.created_at as "createdAt", c.updated_at as "updatedAt",
        (select count(*) from collection_products cp
          where cp.tenant_id = c.tenant_id and cp.collection_id = c.id)::int as "productsCount"
      from collections c order by c.sort_order, c.title`);
    return result.rows;
  });
  return {
    items: rows.map((row) => ({
      ...row,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    })),
  };
}
