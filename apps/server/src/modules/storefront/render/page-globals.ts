/**
 * Per page type: which template renders it, its SEO fields and the objects it adds to the
 * Liquid globals. Unknown handles and out-of-range pages become the theme's 404.
 */
import { canonicalUrl, pageDrop, productDrop, storeUrl, type LinkContext } from './liquid-data.js';
import { PRODUCTS_PER_PAGE, type StoreContent } from './load-store-content.js';
import type { StoreRoute } from '../http/store-paths.js';
import { escapeHtml } from '../../../platform/html.js';
import { excerpt, htmlToText, textToHtml } from './text-format.js';
import { productPageDrop } from './variant-picker.js';

/** A one-off message shown with the theme's page template (e.g. after a form post). */
export type MessageRoute = { type: 'message'; status: number; title: string; text: string };

interface PageGlobals {
  template: 'index' | 'collection' | 'product' | 'page' | '404';
  title: string;
  description: string;
  canonicalPath: string;
  ogType: 'website' | 'product';
  ogImage: string;
  data: Record<string, unknown>;
}

const notFoundPage = (): PageGlobals => ({
  template: '404',
  title: 'Page not found',
  description: '',
  canonicalPath: '/',
  ogType: 'website',
  ogImage: '',
  data: {},
});

export function pageGlobals(
  links: LinkContext,
  content: StoreContent,
  route: StoreRoute | MessageRoute,
): PageGlobals {
  const products = content.products.map((p) => productDrop(links, p, content.categories));
  switch (route.type) {
    case 'message':
      return {
        template: 'page',
        title: route.title,
        description: '',
        canonicalPath: '/',
        ogType: 'website',
        ogImage: '',
        data: {
          page: {
            handle: 'message',
            title: route.title,
            body: route.text,
            content: textToHtml(route.text),
            excerpt: route.text,
            url: storeUrl(links, '/'),
          },
        },
      };
    case 'index': {
      const home = content.pages.find((p) => p.handle === 'home');
      const about = content.pages.find((p) => p.handle === 'about');
      return {
        template: 'index',
        title: '',
        description: home?.seoDescription || excerpt(htmlToText(home?.body ?? ''), 160),
        canonicalPath: '/',
        ogType: 'website',
        ogImage: products[0]?.image.absolute_url ?? '',
        data: {
          featured_products: products,
          home: { title: home?.title ?? '', text: htmlToText(home?.body ?? '') },
          about: about ? pageDrop(links, about) : null,
        },
      };
    }
    case 'collection': {
      if (content.category === undefined) return notFoundPage();
      const pages = Math.max(1, Math.ceil(content.productCount / PRODUCTS_PER_PAGE));
      if (route.page > pages) return notFoundPage();
      const path = `/collections/${route.handle}`;
      const at = (n: number) => storeUrl(links, path, n > 1 ? { page: String(n) } : {});
      const title = content.category?.title ?? 'All products';
      return {
        template: 'collection',
        title: route.page > 1 ? `${title} · Page ${route.page}` : title,
        description: content.category?.description ?? '',
        canonicalPath: route.page > 1 ? `${path}?page=${route.page}` : path,
        ogType: 'website',
        ogImage: products[0]?.image.absolute_url ?? '',
        data: {
          collection: {
            handle: route.handle,
            title,
            description: content.category?.description ?? '',
            url: storeUrl(links, path),
            products,
            products_count: content.productCount,
          },
          paginate: {
            current_page: route.page,
            pages,
            page_size: PRODUCTS_PER_PAGE,
            items: content.productCount,
            previous_url: route.page > 1 ? at(route.page - 1) : null,
            next_url: route.page < pages ? at(route.page + 1) : null,
            parts: Array.from({ length: pages }, (_, i) => ({
              title: String(i + 1),
              url: at(i + 1),
              is_current: i + 1 === route.page,
            })),
          },
        },
      };
    }
    case 'product': {
      if (!content.product) return notFoundPage();
      const product = productPageDrop(
        links,
        content.product,
        productDrop(links, content.product, content.categories),
        route.variantId,
      );
      return {
        template: 'product',
        title: product.seo_title || product.title,
        description: product.seo_description || excerpt(product.description, 160),
        canonicalPath: `/products/${product.handle}`,
        ogType: 'product',
        ogImage: product.image.absolute_url,
        data: { product, related_products: products },
      };
    }
    case 'page': {
      if (!content.page) return notFoundPage();
      const page = pageDrop(links, content.page);
      return {
        template: 'page',
        title: page.title,
        description: content.page.seoDescription || excerpt(htmlToText(content.page.body), 160),
        canonicalPath: `/pages/${page.handle}`,
        ogType: 'website',
        ogImage: '',
        data: { page },
      };
    }
    default:
      return notFoundPage();
  }
}

export function sitemap(links: LinkContext, content: StoreContent): string {
  const urls = [
    '/',
    '/collections/all',
    ...content.categories.map((c) => `/collections/${c.handle}`),
    ...content.products.map((p) => `/products/${p.handle}`),
    ...content.pages.filter((p) => p.handle !== 'home').map((p) => `/pages/${p.handle}`),
  ];
  const entries = urls.map(
    (path) => `  <url><loc>${escapeHtml(canonicalUrl(links, path))}</loc></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}
