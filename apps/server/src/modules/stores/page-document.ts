/** A page as the merchant API shows it, and the columns a save writes. Runs in a tenant scope. */
import { asc, eq } from 'drizzle-orm';
import type { Page, PageInput, PageSummary } from '@orbit360/contracts';
import { isUuid, type Tx } from '../../platform/database/index.js';
import { sanitizeDescription } from '../catalog/index.js';
import { pages } from './content.table.js';

type PageRow = typeof pages.$inferSelect;

export function toPage(row: PageRow): Page {
  return {
    id: row.id,
    handle: row.handle,
    title: row.title,
    body: row.body,
    seoDescription: row.seoDescription,
    isPublished: row.isPublished,
    isSample: row.isSample,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The page with this id, or null (also for ids that are not uuids or of another tenant). */
export async function readPage(tx: Tx, id: string, options: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const query = tx.select().from(pages).where(eq(pages.id, id));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row ?? null;
}

export async function readPageSummaries(tx: Tx): Promise<PageSummary[]> {
  const rows = await tx.select().from(pages).orderBy(asc(pages.createdAt), asc(pages.handle));
  return rows.map((row) => {
    const { body: _body, seoDescription: _seo, ...summary } = toPage(row);
    return summary;
  });
}

/**
 * Page rich text is stored sanitised with the catalog's allowlist (the one product
 * descriptions use): simple formatting, lists, headings, quotes and safe links.
 */
export function pageColumns(input: PageInput) {
  return {
    title: input.title,
    body: sanitizeDescription(input.body),
    seoDescription: input.seoDescription,
    isPublished: input.isPublished,
  };
}
