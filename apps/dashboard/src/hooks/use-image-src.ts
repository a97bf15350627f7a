/**
 * Where the dashboard loads a product image from. Sample products carry
 * `placeholder:<kind>:<hue>` images that the store serves as SVGs under
 * `<website>/assets/placeholder/<kind>-<hue>.svg`; uploaded images are paths on the store's
 * host (`/media/<id>/…`); other images are https URLs. Anything else is not loaded.
 */
import { useOverview } from './api/overview.js';
import { useSession } from '../lib/session-store.js';

export function imageSrc(url: string, websiteUrl: string | null | undefined): string | undefined {
  const placeholder = /^placeholder:([a-z]{1,20}):(\d{1,3})$/.exec(url);
  if (placeholder) {
    if (!websiteUrl) return undefined;
    return `${websiteUrl.replace(/\/$/, '')}/assets/placeholder/${placeholder[1]}-${placeholder[2]}.svg`;
  }
  if (/^\/media\/[0-9a-f-]{36}\/(original|\d{2,5}\.webp)$/.test(url)) {
    return websiteUrl ? `${websiteUrl.replace(/\/$/, '')}${url}` : undefined;
  }
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? url : undefined;
}

export function useImageSrc() {
  const session = useSession()!;
  const websiteUrl = useOverview(session.merchant.tenantId).data?.store.websiteUrl;
  return (url: string) => imageSrc(url, websiteUrl);
}
