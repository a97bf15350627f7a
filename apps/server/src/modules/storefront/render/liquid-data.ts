/**
 * Turns database rows into the objects themes see (Shopify-like names: `shop`, `product`,
 * `collection`, `paginate`, `menus`…). Every URL is built here — with the store's base path and,
 * in preview, the preview token — so themes never concatenate paths themselves.
 */
import type { MenuItem, ProductImage } from '../../stores/index.js';
import { placeholderPath } from './placeholder-image.js';
import type {
  CategoryRow,
  MenuRow,
  PageRow,
  ProductRow,
  StoreContent,
} from './load-store-content.js';
import { excerpt, formatMoney, textToHtml } from './text-format.js';

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

function imageDrop(links: LinkContext, image: ProductImage | undefined, fallbackAlt: string) {
  const given = image?.url ?? '';
  const url = /^https?:\/\//i.test(given) || placeholderPath(given) ? given : 'placeholder:box:220';
  const placeholder = placeholderPath(url);
  const path = placeholder ?? url;
  return {
    url: placeholder ? storeUrl({ ...links, previewToken: undefined }, placeholder) : url,
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

/** schema.org Product as JSON, safe inside <script type="application/ld+json">. */
function structuredData(links: LinkContext, product: ProductRow, image: string) {
  const json = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: excerpt(product.description, 300),
    image,
    url: canonicalUrl(links, `/products/${product.handle}`),
    offers: {
      '@type': 'Offer',
      price: (product.priceCents / 100).toFixed(2),
      priceCurrency: product.currency,
      availability: `https://schema.org/${product.inStock ? 'InStock' : 'OutOfStock'}`,
    },
  });
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function orderUrl(links: LinkContext, product: ProductRow) {
  if (links.shopEmail) {
    const subject = encodeURIComponent(`Order: ${product.title}`);
    return `mailto:${encodeURIComponent(links.shopEmail).replace('%40', '@')}?subject=${subject}`;
  }
  return storeUrl(links, '/pages/contact');
}

export function productDrop(links: LinkContext, product: ProductRow, categoryList: CategoryRow[]) {
  const category = categoryList.find((c) => c.id === product.categoryId);
  const money = (cents: number) => formatMoney(cents, product.currency, links.locale);
  const onSale =
    product.compareAtPriceCents !== null && product.compareAtPriceCents > product.priceCents;
  const images = (product.images.length ? product.images : [undefined]).map((image) =>
    imageDrop(links, image, product.title),
  );
  const image = images[0]!;
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    url: storeUrl(links, `/products/${product.handle}`),
    description: product.description,
    description_html: textToHtml(product.description),
    excerpt: excerpt(product.description, 140),
    price: product.priceCents,
    price_formatted: money(product.priceCents),
    compare_at_price: onSale ? product.compareAtPriceCents : null,
    compare_at_price_formatted: onSale ? money(product.compareAtPriceCents!) : '',
    on_sale: onSale,
    available: product.inStock,
    image,
    images,
    category: category ? categoryDrop(links, category) : null,
    order_url: orderUrl(links, product),
    structured_data: structuredData(links, product, image.absolute_url),
  };
}

export function pageDrop(links: LinkContext, page: PageRow) {
  return {
    handle: page.handle,
    title: page.title,
    body: page.body,
    content: textToHtml(page.body),
    excerpt: excerpt(page.body),
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
