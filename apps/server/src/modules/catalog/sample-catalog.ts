/**
 * The sample catalog every new store gets, so its website looks like a real shop on day one.
 * Sample products are marked `is_sample`: the merchant removes them in one action.
 * Descriptions are HTML (already safe: written here, not by a merchant).
 */
import type { ProductImage } from './catalog.table.js';

export interface SampleCollection {
  handle: string;
  title: string;
  description: string;
}

export interface SampleProduct {
  handle: string;
  title: string;
  description: string;
  priceCents: number;
  compareAtPriceCents?: number;
  collection: string;
  image: { kind: string; hue: number };
  isFeatured: boolean;
  inStock: boolean;
}

export const SAMPLE_COLLECTIONS: SampleCollection[] = [
  {
    handle: 'home-living',
    title: 'Home & Living',
    description: 'Small things that make a home feel lived in: ceramics, candles and greenery.',
  },
  {
    handle: 'accessories',
    title: 'Accessories',
    description: 'Carry-alls and companions for the everyday, built to last for years.',
  },
  {
    handle: 'apparel',
    title: 'Apparel',
    description: 'Soft, honest basics in natural fibres. Made in small batches.',
  },
];

export const SAMPLE_PRODUCTS: SampleProduct[] = [
  {
    handle: 'stoneware-mug',
    title: 'Stoneware Mug',
    description:
      '<p>A generous 350 ml mug, wheel-thrown and finished in a speckled glaze.</p><p>Dishwasher and microwave safe. Each piece is slightly different.</p>',
    priceCents: 2400,
    collection: 'home-living',
    image: { kind: 'mug', hue: 24 },
    isFeatured: true,
    inStock: true,
  },
  {
    handle: 'canvas-tote',
    title: 'Everyday Canvas Tote',
    description:
      '<p>Heavy 16 oz organic cotton canvas with an inside pocket and long shoulder straps.</p><p>Roomy enough for a laptop, groceries or a weekend away.</p>',
    priceCents: 3800,
    collection: 'accessories',
    image: { kind: 'tote', hue: 200 },
    isFeatured: true,
    inStock: true,
  },
  {
    handle: 'organic-cotton-tee',
    title: 'Organic Cotton Tee',
    description:
      '<p>A relaxed, midweight tee in GOTS-certified organic cotton.</p><p>Pre-washed for a soft hand and minimal shrinkage.</p>',
    priceCents: 3200,
    compareAtPriceCents: 4000,
    collection: 'apparel',
    image: { kind: 'tee', hue: 150 },
    isFeatured: true,
    inStock: true,
  },
  {
    handle: 'soy-candle',
    title: 'Cedar & Fig Soy Candle',
    description:
      '<p>Hand-poured soy wax with a cotton wick, in a reusable amber glass jar.</p><p>Notes of cedarwood, green fig and a hint of bergamot. Around 45 hours of burn time.</p>',
    priceCents: 2800,
    collection: 'home-living',
    image: { kind: 'candle', hue: 38 },
    isFeatured: true,
    inStock: true,
  },
  {
    handle: 'linen-notebook',
    title: 'Linen Notebook',
    description:
      '<p>Lay-flat, thread-bound notebook with a linen cover and 160 pages of dotted, fountain-pen friendly paper.</p>',
    priceCents: 1900,
    collection: 'accessories',
    image: { kind: 'notebook', hue: 265 },
    isFeatured: false,
    inStock: true,
  },
  {
    handle: 'terracotta-planter',
    title: 'Terracotta Planter',
    description:
      '<p>Unglazed terracotta with a drainage hole and matching saucer. 15 cm across — perfect for herbs and small houseplants.</p>',
    priceCents: 2600,
    collection: 'home-living',
    image: { kind: 'planter', hue: 12 },
    isFeatured: false,
    inStock: true,
  },
  {
    handle: 'insulated-bottle',
    title: 'Insulated Bottle',
    description:
      '<p>Double-walled stainless steel keeps drinks cold for 24 hours or hot for 12. 500 ml, leak-proof lid.</p>',
    priceCents: 3400,
    collection: 'accessories',
    image: { kind: 'bottle', hue: 180 },
    isFeatured: false,
    inStock: false,
  },
  {
    handle: 'merino-beanie',
    title: 'Merino Beanie',
    description:
      '<p>Fine-knit merino wool beanie with a turn-up cuff. Warm, breathable and itch-free.</p>',
    priceCents: 2900,
    collection: 'apparel',
    image: { kind: 'beanie', hue: 340 },
    isFeatured: false,
    inStock: true,
  },
];

export function sampleImages(product: SampleProduct): ProductImage[] {
  return [{ url: `placeholder:${product.image.kind}:${product.image.hue}`, alt: product.title }];
}
