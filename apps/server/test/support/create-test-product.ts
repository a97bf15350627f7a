/**
 * Test factories for the catalog, built through the real use-cases: a product with one
 * variant (or the given ones), a collection.
 */
import {
  CollectionInput,
  ProductInput,
  type CollectionInputBody,
  type Product,
  type ProductInputBody,
} from '@orbit360/contracts';
import type { Db } from '../../src/platform/database/index.js';
import { createCollection, createProduct } from '../../src/modules/catalog/index.js';

/** Who test fixtures write as (the audit log's actor). */
export const TEST_ACTOR = { type: 'system' } as const;

export function productInput(overrides: Partial<ProductInputBody> = {}): ProductInputBody {
  return { title: 'Test Product', variants: [{ priceCents: 1000 }], ...overrides };
}

export async function createTestProduct(
  ctx: { db: Db },
  tenantId: string,
  overrides: Partial<ProductInputBody> = {},
): Promise<Product> {
  return createProduct({
    db: ctx.db,
    tenantId,
    actor: TEST_ACTOR,
    input: ProductInput.parse(productInput(overrides)),
  });
}

export async function createTestCollection(
  ctx: { db: Db },
  tenantId: string,
  input: CollectionInputBody,
) {
  return createCollection({
    db: ctx.db,
    tenantId,
    actor: TEST_ACTOR,
    input: CollectionInput.parse(input),
  });
}
