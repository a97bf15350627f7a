/**
 * The starter content (tagline, pages, menus) every new store gets, so its website looks like a real shop on day one.
 * Merchants edit or delete it from their dashboard; seeding never overwrites their changes.
 */
import { SAMPLE_COLLECTIONS } from '../catalog/index.js';
import type { StoredMenuItem } from './content.table.js';

export interface SamplePage {
  handle: string;
  title: string;
  body: string;
  seoDescription: string;
}

export const SAMPLE_TAGLINE = 'Thoughtfully made goods, shipped with care';

/** Starter bodies are written as plain text (blank line = paragraph) and stored as HTML. */
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

/** Starter menus as URLs; seeding links those of the store's pages and collections by id. */
export function sampleMenus(): { handle: string; title: string; items: StoredMenuItem[] }[] {
  return [
    {
      handle: 'main',
      title: 'Main menu',
      items: [
        { type: 'url', title: 'Shop all', url: '/collections/all' },
        ...SAMPLE_COLLECTIONS.map((c) => ({
          type: 'url' as const,
          title: c.title,
          url: `/collections/${c.handle}`,
        })),
        { type: 'url', title: 'About', url: '/pages/about' },
        { type: 'url', title: 'Contact', url: '/pages/contact' },
      ],
    },
    {
      handle: 'footer',
      title: 'Footer menu',
      items: [
        { type: 'url', title: 'Shipping', url: '/pages/shipping-policy' },
        { type: 'url', title: 'Returns & refunds', url: '/pages/refund-policy' },
        { type: 'url', title: 'Privacy', url: '/pages/privacy-policy' },
        { type: 'url', title: 'Contact', url: '/pages/contact' },
      ],
    },
  ];
}
