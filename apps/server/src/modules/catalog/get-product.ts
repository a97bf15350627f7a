import type { Product } from '@orbit360/contracts';
import { withTenant } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import type { TenantScope } from './catalog-deps.js';
import { readProduct } from './product-document.js';

/** One product document; 404 for unknown, malformed or other tenants' ids (RLS). */
export async function getProduct(options: TenantScope & { id: string }): Promise<Product> {
  const product = await withTenant(options.db, options.tenantId, (tx) =>
    readProduct(tx, options.id),
  );
  if (!product) throw AppError.notFound('Product');
  return product;
}
