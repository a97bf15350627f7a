import type { Page, PageList } from '@orbit360/contracts';
import { withTenant } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { readPage, readPageSummaries, toPage } from './page-document.js';
import type { TenantScope } from './stores.deps.js';

/** One page; 404 for unknown, malformed or other tenants' ids (RLS). */
export async function getPage(options: TenantScope & { id: string }): Promise<Page> {
  const row = await withTenant(options.db, options.tenantId, (tx) => readPage(tx, options.id));
  if (!row) throw AppError.notFound('Page');
  return toPage(row);
}

/** The store's pages, oldest first (the seeded ones, then the merchant's). */
export async function listPages(options: TenantScope): Promise<PageList> {
  return { items: await withTenant(options.db, options.tenantId, readPageSummaries) };
}
