import { eq } from 'drizzle-orm';
import type { PreviewLink } from '@orbit360/contracts';
import type { Config } from '../../../platform/config.js';
import { withTenant, type Db } from '../../../platform/database/index.js';
import { AppError } from '../../../platform/errors.js';
import { tenants } from '../../tenants/index.js';
import { createPreviewToken } from './preview-token.js';
import { siteVersions } from '../storefront.table.js';
import { websiteUrlFor } from '../http/website-url.js';

const PREVIEW_TTL_SECONDS = 60 * 60;

/** A link to the tenant's website showing its draft (or a given version), valid for an hour. */
export async function createPreviewLink(options: {
  db: Db;
  config: Config;
  secret: string;
  tenantId: string;
  versionId?: string;
}): Promise<PreviewLink> {
  const { db, tenantId, versionId } = options;
  const [tenant] = await db
    .select({ slug: tenants.slug })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant?.slug) throw AppError.notFound('Store website');
  if (versionId) {
    const [version] = await withTenant(db, tenantId, (tx) =>
      tx.select({ id: siteVersions.id }).from(siteVersions).where(eq(siteVersions.id, versionId)),
    );
    if (!version) throw AppError.notFound('Site version');
  }
  const token = createPreviewToken({
    secret: options.secret,
    tenantId,
    versionId,
    ttlSeconds: PREVIEW_TTL_SECONDS,
  });
  return {
    token,
    url: `${websiteUrlFor(options.config, tenant.slug)}?preview=${encodeURIComponent(token)}`,
    expiresAt: new Date(Date.now() + PREVIEW_TTL_SECONDS * 1000).toISOString(),
  };
}
