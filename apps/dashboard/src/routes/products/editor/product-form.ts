/**
 * The editor's form state and its translation to the API's product document: prices are
 * typed as decimals in the store currency and sent as integer cents; the handle follows the
 * title until the merchant edits it. Checks that need no server run before a save so the
 * merchant sees them at once; everything else is the server's to say (400 field paths).
 */
import type { Product, ProductInputBody, ProductStatus } from '@orbit360/contracts';
import { centsToDecimal, decimalToCents } from '../../../lib/format.js';
import { blankRow, type OptionDraft, type VariantRow } from './variants-grid.js';

/** An image in the form: an uploaded one keeps its `mediaId` (its `url` is for display only). */
export interface ImageDraft {
  url: string;
  alt: string;
  mediaId?: string;
  /** An uploaded image's processing state (shown until `ready`). */
  status?: 'processing' | 'ready' | 'failed';
}

export interface ProductForm {
  title: string;
  handle: string;
  /** Once edited (or for a saved product), the handle no longer follows the title. */
  isHandleEdited: boolean;
  description: string;
  status: ProductStatus;
  options: OptionDraft[];
  variants: VariantRow[];
  images: ImageDraft[];
  collectionIds: string[];
  seoTitle: string;
  seoDescription: string;
  isFeatured: boolean;
}

export const MAX_OPTIONS = 3;

export function emptyForm(): ProductForm {
  return {
    title: '',
    handle: '',
    isHandleEdited: false,
    description: '',
    status: 'active',
    options: [],
    variants: [blankRow()],
    images: [],
    collectionIds: [],
    seoTitle: '',
    seoDescription: '',
    isFeatured: false,
  };
}

export function formFromProduct(product: Product): ProductForm {
  return {
    title: product.title,
    handle: product.handle,
    isHandleEdited: true,
    description: product.description,
    status: product.status,
    options: product.options.map((o) => ({ name: o.name, values: [...o.values] })),
    variants: product.variants.map((v) => ({
      id: v.id,
      optionValues: [...v.optionValues],
      sku: v.sku ?? '',
      price: centsToDecimal(v.priceCents),
      compareAt: centsToDecimal(v.compareAtPriceCents),
      inventory: String(v.inventoryQuantity),
      trackInventory: v.trackInventory,
      allowBackorder: v.allowBackorder,
    })),
    images: product.images.map((i) => ({
      url: i.url,
      alt: i.alt,
      ...(i.mediaId ? { mediaId: i.mediaId, status: i.status } : {}),
    })),
    collectionIds: [...product.collectionIds],
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    isFeatured: product.isFeatured,
  };
}

/** A saved product as the document `PUT` takes (bulk edits change one field of it). */
export function toProductInput(product: Product): ProductInputBody {
  return {
    title: product.title,
    handle: product.handle,
    description: product.description,
    status: product.status,
    options: product.options,
    variants: product.variants.map((v) => ({
      id: v.id,
      optionValues: v.optionValues,
      sku: v.sku,
      priceCents: v.priceCents,
      compareAtPriceCents: v.compareAtPriceCents,
      inventoryQuantity: v.inventoryQuantity,
      trackInventory: v.trackInventory,
      allowBackorder: v.allowBackorder,
    })),
    images: product.images.map((i) =>
      i.mediaId ? { mediaId: i.mediaId, alt: i.alt } : { url: i.url, alt: i.alt },
    ),
    collectionIds: product.collectionIds,
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    isFeatured: product.isFeatured,
  };
}

/** Field errors keyed by the API's paths (`variants.0.priceCents`), so both sources line up. */
export type FormErrors = Record<string, string>;

export function formToInput(form: ProductForm): { input: ProductInputBody; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!form.title.trim()) errors.title = 'Enter a title';
  const options = form.options.filter((o) => o.name.trim() !== '' || o.values.length > 0);
  options.forEach((o, i) => {
    if (!o.name.trim()) errors[`options.${i}.name`] = 'Name the option';
    if (o.values.length === 0) errors[`options.${i}.values`] = 'Add at least one value';
  });
  const variants = form.variants.map((row, i) => {
    const price = decimalToCents(row.price);
    const compareAt = decimalToCents(row.compareAt);
    const inventory = Number(row.inventory.trim() || '0');
    if (price === null) errors[`variants.${i}.priceCents`] = 'Enter a price';
    else if (Number.isNaN(price)) errors[`variants.${i}.priceCents`] = 'Enter a price like 24.00';
    if (Number.isNaN(compareAt)) {
      errors[`variants.${i}.compareAtPriceCents`] = 'Enter a price like 30.00';
    }
    if (!Number.isInteger(inventory)) {
      errors[`variants.${i}.inventoryQuantity`] = 'Enter a whole number';
    }
    return {
      ...(row.id ? { id: row.id } : {}),
      optionValues: row.optionValues,
      sku: row.sku.trim() || null,
      priceCents: price ?? 0,
      compareAtPriceCents: compareAt,
      inventoryQuantity: Number.isInteger(inventory) ? inventory : 0,
      trackInventory: row.trackInventory,
      allowBackorder: row.allowBackorder,
    };
  });
  form.images.forEach((image, i) => {
    if (!image.mediaId && !image.url.trim())
      errors[`images.${i}.url`] = 'Enter the image URL or remove the image';
  });
  const handle = form.handle.trim();
  return {
    errors,
    input: {
      title: form.title.trim(),
      ...(handle ? { handle } : {}),
      description: form.description,
      status: form.status,
      options: options.map((o) => ({ name: o.name.trim(), values: o.values })),
      variants,
      images: form.images.map((i) =>
        i.mediaId
          ? { mediaId: i.mediaId, alt: i.alt.trim() }
          : { url: i.url.trim(), alt: i.alt.trim() },
      ),
      collectionIds: form.collectionIds,
      seoTitle: form.seoTitle.trim(),
      seoDescription: form.seoDescription.trim(),
      isFeatured: form.isFeatured,
    },
  };
}
