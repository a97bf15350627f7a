/**
 * The starter content every new store gets, so its website looks like a real shop on day one.
 * Merchants edit or delete it from their dashboard; seeding never overwrites their changes.
 */
import type { ProductImage } from './catalog.table.js';
import type { MenuItem } from './content.table.js';

export interface SampleCategory {
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
  category: string;
  image: { kind: string; hue: number };
  isFeatured: boolean;
  inStock: boolean;
}

export interface SamplePage {
  handle: string;
  title: string;
  body: string;
  seoDescription: string;
}

export const SAMPLE_TAGLINE = 'Thoughtfully made goods, shipped with care';

export const SAMPLE_CATEGORIES: SampleCategory[] = [
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
      'A generous 350 ml mug, wheel-thrown and finished in a speckled glaze.\n\nDishwasher and microwave safe. Each piece is slightly different.',
    priceCents: 2400,
    category: 'home-living',
    image: { kind: 'mug', hue: 24 },
    isFeatured: true,
    inStock: true,
  },
  {
    handle: 'canvas-tote',
    title: 'Everyday Canvas Tote',
    description:
      'Heavy 16 oz organic cotton canvas with an inside pocket and long shoulder straps.\n\nRoomy enough for a laptop, groceries or a weekend away.',
    priceCents: 3800,
    category: 'accessories',
    image: { kind: 'tote', hue: 200 },
    isFeatured: true,
    inStock: true,
  },
  {
    handle: 'organic-cotton-tee',
    title: 'Organic Cotton Tee',
    description:
      'A relaxed, midweight tee in GOTS-certified organic cotton.\n\nPre-washed for a soft hand and minimal shrinkage.',
    priceCents: 3200,
    compareAtPriceCents: 4000,
    category: 'apparel',
    image: { kind: 'tee', hue: 150 },
    isFeatured: true,
    inStock: true,
  },
  {
    handle: 'soy-candle',
    title: 'Cedar & Fig Soy Candle',
    description:
      'Hand-poured soy wax with a cotton wick, in a reusable amber glass jar.\n\nNotes of cedarwood, green fig and a hint of bergamot. Around 45 hours of burn time.',
    priceCents: 2800,
    category: 'home-living',
    image: { kind: 'candle', hue: 38 },
    isFeatured: true,
    inStock: true,
  },
  {
    handle: 'linen-notebook',
    title: 'Linen Notebook',
    description:
      'Lay-flat, thread-bound notebook with a linen cover and 160 pages of dotted, fountain-pen friendly paper.',
    priceCents: 1900,
    category: 'accessories',
    image: { kind: 'notebook', hue: 265 },
    isFeatured: false,
    inStock: true,
  },
  {
    handle: 'terracotta-planter',
    title: 'Terracotta Planter',
    description:
      'Unglazed terracotta with a drainage hole and matching saucer. 15 cm across — perfect for herbs and small houseplants.',
    priceCents: 2600,
    category: 'home-living',
    image: { kind: 'planter', hue: 12 },
    isFeatured: false,
    inStock: true,
  },
  {
    handle: 'insulated-bottle',
    title: 'Insulated Bottle',
    description:
      'Double-walled stainless steel keeps drinks cold for 24 hours or hot for 12. 500 ml, leak-proof lid.',
    priceCents: 3400,
    category: 'accessories',
    image: { kind: 'bottle', hue: 180 },
    isFeatured: false,
    inStock: false,
  },
  {
    handle: 'merino-beanie',
    title: 'Merino Beanie',
    description:
      'Fine-knit merino wool beanie with a turn-up cuff. Warm, breathable and itch-free.',
    priceCents: 2900,
    category: 'apparel',
    image: { kind: 'beanie', hue: 340 },
    isFeatured: false,
    inStock: true,
  },
];

export function productImages(product: SampleProduct): ProductImage[] {
  return [{ url: `placeholder:${product.image.kind}:${product.image.hue}`, alt: product.title }];
}

export function samplePages(storeName: string): SamplePage[] {
  return [
    {
      handle: 'home',
      title: 'Thoughtfully made, everyday goods',
      body: `Welcome to ${storeName}. Discover our hand-picked collection — made in small batches, built to last, and shipped with care.`,
      seoDescription: `Shop ${storeName}: thoughtfully made everyday goods.`,
    },
    {
      handle: 'about',
      title: 'About us',
      body: `${storeName} started with a simple idea: fewer, better things. We work with small makers to bring you everyday goods that are a pleasure to use and built to last.\n\nEvery product in our shop is chosen by hand. We care about materials, about how things are made, and about the people who make them.\n\nThank you for supporting independent retail.`,
      seoDescription: `The story behind ${storeName}.`,
    },
    {
      handle: 'contact',
      title: 'Contact',
      body: `We would love to hear from you. Questions about an order, a product or a collaboration — write to us and we will answer within one business day.\n\nCustomer care hours: Monday to Friday, 9:00–17:00.`,
      seoDescription: `How to reach ${storeName}.`,
    },
    {
      handle: 'shipping-policy',
      title: 'Shipping policy',
      body: `Orders are packed and shipped within 2 business days. Standard delivery takes 3–5 business days; express delivery 1–2 business days.\n\nShipping is free on orders over 50 in the store's currency. You will receive a tracking link by email as soon as your parcel leaves us.`,
      seoDescription: `Shipping times and costs at ${storeName}.`,
    },
    {
      handle: 'refund-policy',
      title: 'Refund policy',
      body: `Not quite right? You can return unused items in their original packaging within 30 days of delivery for a full refund.\n\nTo start a return, contact us with your order number. Refunds are issued to the original payment method within 5 business days of receiving the return.`,
      seoDescription: `Returns and refunds at ${storeName}.`,
    },
    {
      handle: 'privacy-policy',
      title: 'Privacy policy',
      body: `We collect only the information needed to process your orders and, if you ask us to, to send you our newsletter. We never sell your personal data.\n\nYou can ask us at any time for a copy of the data we hold about you, or for its deletion.`,
      seoDescription: `How ${storeName} handles your personal data.`,
    },
  ];
}

export function sampleMenus(): { handle: string; title: string; items: MenuItem[] }[] {
  return [
    {
      handle: 'main',
      title: 'Main menu',
      items: [
        { title: 'Shop all', url: '/collections/all' },
        ...SAMPLE_CATEGORIES.map((c) => ({ title: c.title, url: `/collections/${c.handle}` })),
        { title: 'About', url: '/pages/about' },
        { title: 'Contact', url: '/pages/contact' },
      ],
    },
    {
      handle: 'footer',
      title: 'Footer menu',
      items: [
        { title: 'Shipping', url: '/pages/shipping-policy' },
        { title: 'Returns & refunds', url: '/pages/refund-policy' },
        { title: 'Privacy', url: '/pages/privacy-policy' },
        { title: 'Contact', url: '/pages/contact' },
      ],
    },
  ];
}
