/**
 * The merchant catalog API's payloads: products (options → variants, ordered images,
 * collection memberships), collections and plan usage. Shared by the server (validation,
 * serialization, OpenAPI) and the dashboard (types, the same checks before a save).
 */
import { z } from 'zod';
import { Timestamp } from './common.js';
import { MediaStatus } from './media.js';

export const ProductStatus = z.enum(['draft', 'active', 'archived']);
export type ProductStatus = z.infer<typeof ProductStatus>;

/** Lowercase letters, digits and single dashes: the URL part of `/products/<handle>`. */
export const Handle = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes');

const Label = z.string().trim().min(1).max(60);
const Cents = z.number().int().min(0).max(100_000_000);

export const ProductOption = z.object({
  name: Label,
  values: z.array(Label).min(1).max(100),
});
export type ProductOption = z.infer<typeof ProductOption>;

/**
 * A product image as saved: an uploaded image by `mediaId` (one of this store's media items,
 * checked on save), or a `url` — an absolute https URL, or `placeholder:<kind>:<hue>`: the
 * generated artwork of the sample products. Exactly one of the two.
 */
export const ProductImage = z
  .object({
    mediaId: z.uuid().optional(),
    url: z
      .string()
      .max(2048)
      .regex(/^(https:\/\/[^\s"'<>]+|placeholder:[a-z]{1,20}:\d{1,3})$/, 'must be an https URL')
      .optional(),
    alt: z.string().trim().max(512).default(''),
  })
  .superRefine((image, context) => {
    if ((image.mediaId === undefined) === (image.url === undefined)) {
      context.addIssue({ code: 'custom', path: ['mediaId'], message: 'give mediaId or url' });
    }
  });
export type ProductImage = z.infer<typeof ProductImage>;

/**
 * An image as the API returns it. `url` is what to show: the external URL, or for an uploaded
 * image a path on the store's host (`/media/<id>/480.webp` once ready, the original while
 * processing); `srcset` lists the ready WebP copies (empty until `status` is `ready`).
 */
export const ProductImageView = z.object({
  url: z.string(),
  alt: z.string(),
  mediaId: z.uuid().optional(),
  status: MediaStatus.optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  srcset: z.array(z.object({ url: z.string(), width: z.number().int() })).optional(),
});
export type ProductImageView = z.infer<typeof ProductImageView>;

export const VariantInput = z.object({
  /** Keeps a variant's id across saves (ids of other products are replaced by new ones). */
  id: z.uuid().optional(),
  /** One value per product option, in option order (empty when the product has no options). */
  optionValues: z.array(Label).max(3).default([]),
  sku: z.string().trim().max(100).nullable().default(null),
  priceCents: Cents,
  compareAtPriceCents: Cents.nullable().default(null),
  inventoryQuantity: z.number().int().min(-1_000_000).max(1_000_000_000).default(0),
  trackInventory: z.boolean().default(false),
  allowBackorder: z.boolean().default(false),
});
export type VariantInput = z.infer<typeof VariantInput>;

/** The whole product document: what `POST` creates and `PUT` replaces. */
export const ProductInput = z
  .object({
    title: z.string().trim().min(1).max(255),
    /** Generated from the title when absent (made unique with -2, -3…); kept on `PUT`. */
    handle: Handle.optional(),
    /** Rich text (HTML); stored sanitised: simple formatting and links only. */
    description: z.string().max(100_000).default(''),
    status: ProductStatus.default('active'),
    options: z.array(ProductOption).max(3).default([]),
    variants: z.array(VariantInput).min(1).max(100),
    images: z.array(ProductImage).max(50).default([]),
    collectionIds: z.array(z.uuid()).max(100).default([]),
    seoTitle: z.string().trim().max(255).default(''),
    seoDescription: z.string().trim().max(1000).default(''),
    isFeatured: z.boolean().default(false),
  })
  .superRefine((product, context) => {
    const names = product.options.map((o) => o.name.toLowerCase());
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i) {
        context.addIssue({ code: 'custom', path: ['options', i, 'name'], message: 'is repeated' });
      }
    });
    product.options.forEach((option, i) => {
      if (new Set(option.values).size !== option.values.length) {
        context.addIssue({
          code: 'custom',
          path: ['options', i, 'values'],
          message: 'repeat a value',
        });
      }
    });
    const seen = new Set<string>();
    product.variants.forEach((variant, i) => {
      const path = ['variants', i, 'optionValues'];
      if (variant.optionValues.length !== product.options.length) {
        context.addIssue({
          code: 'custom',
          path,
          message: `must have one value per option (${product.options.length})`,
        });
        return;
      }
      variant.optionValues.forEach((value, j) => {
        if (!product.options[j]!.values.includes(value)) {
          context.addIssue({
            code: 'custom',
            path: [...path, j],
            message: `is not a value of option ${product.options[j]!.name}`,
          });
        }
      });
      const key = JSON.stringify(variant.optionValues);
      if (seen.has(key))
        context.addIssue({ code: 'custom', path, message: 'repeats another variant' });
      seen.add(key);
    });
    if (new Set(product.collectionIds).size !== product.collectionIds.length) {
      context.addIssue({ code: 'custom', path: ['collectionIds'], message: 'repeat an id' });
    }
  });
export type ProductInput = z.infer<typeof ProductInput>;
export type ProductInputBody = z.input<typeof ProductInput>;

export const Variant = z.object({
  id: z.uuid(),
  position: z.number().int(),
  optionValues: z.array(z.string()),
  sku: z.string().nullable(),
  priceCents: z.number().int(),
  compareAtPriceCents: z.number().int().nullable(),
  inventoryQuantity: z.number().int(),
  trackInventory: z.boolean(),
  allowBackorder: z.boolean(),
});
export type Variant = z.infer<typeof Variant>;

export const Product = z.object({
  id: z.uuid(),
  handle: z.string(),
  title: z.string(),
  description: z.string(),
  status: ProductStatus,
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(Variant),
  images: z.array(ProductImageView),
  collectionIds: z.array(z.uuid()),
  seoTitle: z.string(),
  seoDescription: z.string(),
  isFeatured: z.boolean(),
  isSample: z.boolean(),
  /** Send it back as `If-Match` with the next `PUT`. */
  revision: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Product = z.infer<typeof Product>;

export const ProductListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: ProductStatus.optional(),
  collectionId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const ProductSummary = z.object({
  id: z.uuid(),
  handle: z.string(),
  title: z.string(),
  status: ProductStatus,
  isSample: z.boolean(),
  revision: z.number().int(),
  /** The lowest variant price. */
  priceCents: z.number().int(),
  variantsCount: z.number().int(),
  /** Units in stock over tracked variants; null when no variant tracks inventory. */
  inventory: z.number().int().nullable(),
  image: ProductImageView.nullable(),
  updatedAt: Timestamp,
});
export type ProductSummary = z.infer<typeof ProductSummary>;

export const ProductList = z.object({
  items: z.array(ProductSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ProductList = z.infer<typeof ProductList>;

/** `If-Match: <revision>` (a bare number or an ETag `"3"`), required by `PUT`. */
export const RevisionHeaders = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"?\d{1,9}"?$/, 'must be the product revision, e.g. "3"')
    .optional(),
});

export const RemovedSamples = z.object({ removed: z.number().int() });
export type RemovedSamples = z.infer<typeof RemovedSamples>;

export const CollectionInput = z
  .object({
    title: z.string().trim().min(1).max(255),
    handle: Handle.optional(),
    description: z.string().trim().max(5000).default(''),
    sortOrder: z.number().int().min(0).max(100_000).default(0),
    /** The collection's products, in display order. */
    productIds: z.array(z.uuid()).max(10_000).default([]),
  })
  .superRefine((collection, context) => {
    if (new Set(collection.productIds).size !== collection.productIds.length) {
      context.addIssue({ code: 'custom', path: ['productIds'], message: 'repeat an id' });
    }
  });
export type CollectionInput = z.infer<typeof CollectionInput>;
export type CollectionInputBody = z.input<typeof CollectionInput>;

export const Collection = z.object({
  id: z.uuid(),
  handle: z.string(),
  title: z.string(),
  description: z.string(),
  sortOrder: z.number().int(),
  productIds: z.array(z.uuid()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Collection = z.infer<typeof Collection>;

export const CollectionSummary = Collection.omit({ productIds: true }).extend({
  productsCount: z.number().int(),
});
export const CollectionList = z.object({ items: z.array(CollectionSummary) });
export type CollectionList = z.infer<typeof CollectionList>;

const Usage = z.object({
  used: z.number().int(),
  /** null = unlimited. */
  limit: z.number().int().nullable(),
});

/** What the store uses against its plan's limits. Archived products do not count. */
export const CatalogUsage = z.object({
  products: Usage,
  storageMb: Usage,
  staffAccounts: Usage,
});
export type CatalogUsage = z.infer<typeof CatalogUsage>;
