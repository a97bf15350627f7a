/**
 * The merchant content API's payloads: pages (about, contact, policies; `home` holds the home
 * page's hero copy) and the two navigation menus. Shared by the server (validation,
 * serialization, OpenAPI) and the dashboard (types, the same checks before a save).
 */
import { z } from 'zod';
import { Handle } from './catalog.js';
import { Timestamp } from './common.js';

/** The page whose title and text are the home page's hero: editable, never deleted. */
export const HOME_PAGE_HANDLE = 'home';

export const PageInput = z.object({
  title: z.string().trim().min(1).max(255),
  /** Generated from the title when absent (made unique with -2, -3…); kept on `PUT`. */
  handle: Handle.optional(),
  /** Rich text (HTML); stored sanitised: simple formatting and links only. */
  body: z.string().max(100_000).default(''),
  seoDescription: z.string().trim().max(1000).default(''),
  isPublished: z.boolean().default(true),
});
export type PageInput = z.infer<typeof PageInput>;
export type PageInputBody = z.input<typeof PageInput>;

export const Page = z.object({
  id: z.uuid(),
  handle: z.string(),
  title: z.string(),
  /** Sanitised HTML. */
  body: z.string(),
  seoDescription: z.string(),
  isPublished: z.boolean(),
  /** Created with the store (not by the merchant). */
  isSample: z.boolean(),
  /** Send it back as `If-Match` with the next `PUT`. */
  revision: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Page = z.infer<typeof Page>;

export const PageSummary = Page.omit({ body: true, seoDescription: true });
export type PageSummary = z.infer<typeof PageSummary>;
export const PageList = z.object({ items: z.array(PageSummary) });
export type PageList = z.infer<typeof PageList>;

/** `If-Match: <revision>` (a bare number or an ETag `"3"`), required by a page `PUT`. */
export const PageRevisionHeaders = z.object({
  'if-match': z
    .string()
    .regex(/^(W\/)?"?\d{1,9}"?$/, 'must be the page revision, e.g. "3"')
    .optional(),
});

export const MENU_MAX_ITEMS = 50;

/**
 * A store path (`/collections/all`) or an absolute https URL. Anything else (javascript:,
 * data:, protocol-relative `//host`, http) is refused.
 */
export const MenuUrl = z
  .string()
  .trim()
  .max(2048)
  .regex(
    /^(\/(?!\/)[^\s"'<>\\]*|https:\/\/[^\s"'<>\\]+)$/,
    'must be a store path (/…) or an https URL',
  );

const MenuTitle = z.string().trim().min(1).max(100);

/**
 * One link of a menu: to a collection, a product or a page of the store by id (shown with its
 * current URL, so renaming a handle never breaks a menu), or to a URL.
 */
export const MenuItemInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('collection'), id: z.uuid(), title: MenuTitle }),
  z.object({ type: z.literal('product'), id: z.uuid(), title: MenuTitle }),
  z.object({ type: z.literal('page'), id: z.uuid(), title: MenuTitle }),
  z.object({ type: z.literal('url'), url: MenuUrl, title: MenuTitle }),
]);
export type MenuItemInput = z.infer<typeof MenuItemInput>;

export const MenuItemType = z.enum(['collection', 'product', 'page', 'url']);
export type MenuItemType = z.infer<typeof MenuItemType>;

/** A menu item as read: its link resolved to the target's current store path. */
export const MenuItem = z.object({
  type: MenuItemType,
  /** The target's id (absent for a URL). */
  id: z.uuid().optional(),
  title: z.string(),
  /** The current store path or URL; null when the target no longer exists. */
  url: z.string().nullable(),
});
export type MenuItem = z.infer<typeof MenuItem>;

const MenuInput = z.array(MenuItemInput).max(MENU_MAX_ITEMS);

export const NavigationInput = z.object({ main: MenuInput, footer: MenuInput });
export type NavigationInput = z.infer<typeof NavigationInput>;

export const Navigation = z.object({ main: z.array(MenuItem), footer: z.array(MenuItem) });
export type Navigation = z.infer<typeof Navigation>;
