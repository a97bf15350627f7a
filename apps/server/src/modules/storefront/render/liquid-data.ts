/**
 * Turns database rows into the objects themes see (Shopify-like names: `shop`, `product`,
 * `collection`, `paginate`, `menus`…). Every URL is built here — with the store's base path and,
 * in preview, the preview token — so themes never concatenate paths themselves.
 */
import { mediaPaths } from '../../media/index.js';
import type { MenuItem } from '../../stores/index.js';
import { placeholderPath } from './placeholder-image.js';
import type {
  CategoryRow,
  MenuRow,
  PageRow,
  ProductRow,
  StoreContent,
  VariantRow,
} from './load-store-content.js';
import type { StoreImageRow } from './store-images.js';
import { excerpt, formatMoney, htmlToText } from './text-format.js';

export interface LinkContext {
  /** '' on the store's own host, `/store/<slug>` on the path fallback. */
  base: string;
  /** Absolute canonical root, e.g. `http://shop.localhost:5000/`. */
  canonicalRoot: string;
  previewToken?: string;
  currentPath: string;
  currency: string;
  locale: string;
  shopEmail?: string;
}

export function storeUrl(links: LinkContext, path: string, query: Record<string, string> = {}) {
  if (/^(https?:\/\/|mailto:)/i.test(path)) return path;
  // Anything else that is not a store path (javascript:, data:, relative junk) goes nowhere.
  if (!path.startsWith('/') || path.startsWith('//')) return '#';
  const params = new URLSearchParams(query);
  if (links.previewToken) params.set('preview', links.previewToken);
  const search = params.size ? `?${params}` : '';
  return `${links.base}${path === '/' && links.base ? '/' : path}${search}`;
}

export const canonicalUrl = (links: LinkContext, path: string) =>
  `${links.canonicalRoot}${path.replace(/^\//, '')}`;

/** The copy a theme's `image.src` names: wide enough for a product page, never upscaled. */
const SRC_WIDTH = 1080;

/**
 * An uploaded image: once ready, `src` is one stable copy and `srcset` every ready WebP width;
 * while processing, the original (no srcset) — the page is re-rendered on `media.ready`
 * (follow-events.ts), and every URL keeps its content forever. Null when the item is gone or
 * failed (the caller shows the placeholder).
 */
function mediaImageDrop(links: LinkContext, image: StoreImageRow, fallbackAlt: string) {
  const item = image.media;
  if (!('mediaId' in image) || !item || item.status === 'failed') return null;
  const link = (path: string) => storeUrl({ ...links, previewToken: undefined }, path);
  const widths = item.status === 'ready' ? item.sizes.map((s) => s.width) : [];
  const srcWidth = widths.filter((w) => w <= SRC_WIDTH).at(-1) ?? widths[0];
  const path =
    srcWidth === undefined
      ? mediaPaths.original(image.mediaId)
      : mediaPaths.size(image.mediaId, srcWidth);
  return {
    url: link(path),
    src: link(path),
    srcset: widths.map((w) => `${link(mediaPaths.size(image.mediaId, w))} ${w}w`).join(', '),
    width: item.width,
    height: item.height,
    absolute_url: canonicalUrl(links, path),
    alt: image.alt || fallbackAlt,
  };
}

function imageDrop(links: LinkContext, image: StoreImageRow | undefined, fallbackAlt: string) {
  const media = image && mediaImageDrop(links, image, fallbackAlt);
  if (media) return media;
  const given = image && 'url' in image ? image.url : '';
  const url = /^https?:\/\//i.test(given) || placeholderPath(given) ? given : 'placeholder:box:220';
  const placeholder = placeholderPath(url);
  const path = placeholder ?? url;
  const src = placeholder ? storeUrl({ ...links, previewToken: undefined }, placeholder) : url;
  return {
    url: src,
    src,
    srcset: '',
    width: null,
    height: null,
    absolute_url: placeholder ? canonicalUrl(links, path) : url,
    alt: image?.alt || fallbackAlt,
  };
}

export function categoryDrop(links: LinkContext, category: CategoryRow) {
  const path = `/collections/${category.handle}`;
  return {
    id: category.id,
    handle: category.handle,
    title: category.title,
    description: category.description,
    url: storeUrl(links, path),
    active: links.currentPath === path,
  };
}

export const isAvailable = (v: VariantRow) =>
  !v.trackInventory || v.inventoryQuantity > 0 || v.allowBackorder;

/** The variant a listing shows: the cheapest available one, else the cheapest. */
function shownVariant(variants: VariantRow[]): VariantRow | undefined {
  const available = variants.filter(isAvailable);
  const pool = available.length ? available : variants;
  return pool.reduce<VariantRow | undefined>(
    (best, v) => (!best || v.priceCents < best.priceCents ? v : best),
    undefined,
  );
}

const onSale = (v: VariantRow) =>
  v.compareAtPriceCents !== null && v.compareAtPriceCents > v.priceCents;

/** schema.org Product as JSON, safe inside <script type="application/ld+json">. */
export function structuredData(
  links: LinkContext,
  product: ProductRow,
  offer: { priceCents: number; available: boolean },
  image: string,
) {
  const json = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: excerpt(htmlToText(product.description), 300),
    image,
    url: canonicalUrl(links, `/products/${product.handle}`),
    offers: {
      '@type': 'Offer',
      price: (offer.priceCents / 100).toFixed(2),
      priceCurrency: links.currency,
      availability: `https://schema.org/${offer.available ? 'InStock' : 'OutOfStock'}`,
    },
  });
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Where the buy button leads until the store has a cart: an email to the shop, else contact. */
export function orderUrl(links: LinkContext, product: ProductRow, variantTitle?: string) {
  if (links.shopEmail) {
    const item = variantTitle ? `${product.title} (${variantTitle})` : product.title;
    const subject = encodeURIComponent(`Order: ${item}`);
    return `mailto:${encodeURIComponent(links.shopEmail).replace('%40', '@')}?subject=${subject}`;
  }
  return storeUrl(links, '/pages/contact');
}

export function variantDrop(money: (cents: number) => string, variant: VariantRow) {
  const sale = onSale(variant);
  return {
    id: variant.id,
    title: variant.optionValues.join(' / ') || 'Default',
    options: variant.optionValues,
    option1: variant.optionValues[0] ?? null,
    option2: variant.optionValues[1] ?? null,
    option3: variant.optionValues[2] ?? null,
    sku: variant.sku ?? '',
    price: variant.priceCents,
    price_formatted: money(variant.priceCents),
    compare_at_price: sale ? variant.compareAtPriceCents : null,
    compare_at_price_formatted: sale ? money(variant.compareAtPriceCents!) : '',
    available: isAvailable(variant),
  };
}

export function productDrop(links: LinkContext, product: ProductRow, categoryList: CategoryRow[]) {
  const category = categoryList.find((c) => c.id === product.categoryId);
  const money = (cents: number) => formatMoney(cents, links.currency, links.locale);
  const variants = product.variants.map((v) => variantDrop(money, v));
  const shown = shownVariant(product.variants);
  const priceCents = shown?.priceCents ?? 0;
  const sale = shown ? onSale(shown) : false;
  const available = product.variants.some(isAvailable);
  const text = htmlToText(product.description);
  const images = (product.images.length ? product.images : [undefined]).map((image) =>
    imageDrop(links, image, product.title),
  );
  const image = images[0]!;
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    url: storeUrl(links, `/products/${product.handle}`),
    description: text,
    description_html: product.description,
    excerpt: excerpt(text, 140),
    seo_title: product.seoTitle,
    seo_description: product.seoDescription,
    price: priceCents,
    price_formatted: money(priceCents),
    compare_at_price: sale ? shown!.compareAtPriceCents : null,
    compare_at_price_formatted: sale ? money(shown!.compareAtPriceCents!) : '',
    on_sale: sale,
    available,
    options: product.options.map((o, i) => ({ name: o.name, position: i + 1, values: o.values })),
    variants,
    selected_variant: variants[product.variants.indexOf(shown!)] ?? null,
    image,
    images,
    category: category ? categoryDrop(links, category) : null,
    order_url: orderUrl(links, product),
    structured_data: structuredData(links, product, { priceCents, available }, image.absolute_url),
  };
}

export function pageDrop(links: LinkContext, page: PageRow) {
  return {
    handle: page.handle,
    title: page.title,
    // The body is sanitised HTML (stores module, ADR 062): shown as stored, excerpted as text.
    body: page.body,
    content: page.body,
    excerpt: excerpt(htmlToText(page.body)),
    url: storeUrl(links, `/pages/${page.handle}`),
  };
}

function menuDrop(links: LinkContext, menu: MenuRow | undefined, fallback: MenuItem[]) {
  const items = menu?.items ?? fallback;
  return {
    title: menu?.title ?? '',
    links: items.slice(0, 50).map((item) => ({
      title: item.title,
      url: storeUrl(links, item.url),
      active: item.url === links.currentPath,
    })),
  };
}

export function menusDrop(links: LinkContext, content: StoreContent) {
  const byHandle = new Map(content.menus.map((m) => [m.handle, m]));
  const main = menuDrop(links, byHandle.get('main'), [
    { title: 'Shop all', url: '/collections/all' },
  ]);
  const footer = menuDrop(links, byHandle.get('footer'), []);
  return { main, footer };
}
