export {
  collectionProducts,
  collections,
  productVariants,
  products,
  type ProductImage,
  type ProductOption,
  type ProductStatus,
} from './catalog.table.js';
export { SAMPLE_COLLECTIONS, SAMPLE_PRODUCTS } from './sample-catalog.js';
export { seedSampleCatalog } from './seed-sample-catalog.js';
export { createProduct } from './create-product.js';
export { updateProduct } from './update-product.js';
export { getProduct } from './get-product.js';
export { deleteProduct } from './delete-product.js';
export { listProducts } from './list-products.js';
export { removeSampleProducts } from './remove-sample-products.js';
export { createCollection } from './create-collection.js';
export { updateCollection } from './update-collection.js';
export { deleteCollection } from './delete-collection.js';
export { getCollection, listCollections } from './get-collection.js';
export { getCatalogUsage } from './get-catalog-usage.js';
export { sanitizeDescription } from './sanitize-description.js';
export { findProductsUsingMedia } from './product-images.js';
export type { CatalogDeps } from './catalog-deps.js';
