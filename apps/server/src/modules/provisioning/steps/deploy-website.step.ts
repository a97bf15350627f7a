import { sql } from 'drizzle-orm';
import type { ThemeSettings } from '@orbit360/contracts';
import type { Db } from '../../../platform/database/index.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../../platform/errors.js';
import { createPreviewToken, publishSite, websiteUrlFor } from '../../storefront/index.js';
import { outputOf, type RunRow } from '../provisioning-state.js';
import { findAvailableSlug, slugify } from '../slugs.js';
import { StepError } from '../step-error.js';
import { completeStep } from '../transitions.js';
import { checkWebsiteAnswers } from './self-check.js';
import type { Step } from './step.js';

/**
 * The tenant's slug: the one it already has (a rerun), the one reserved at activation, or the
 * first free one derived from the store name — reserved on the run and set on the tenant in
 * one statement. Unique indexes decide races with other runs; the loser picks again.
 */
async function assignSlug(db: Db, run: RunRow, tenantId: string): Promise<string> {
  for (let tries = 0; tries < 5; tries++) {
    const candidate = run.slug ?? (await findAvailableSlug(db, slugify(run.storeName)));
    try {
      const result = await db.execute<{ slug: string }>(sql`
        with current as (select slug from tenants where id = ${tenantId}),
        reserve as (
          update provisionings set slug = ${candidate}
          where id = ${run.id} and slug is null and (select slug from current) is null
          returning 1),
        assign as (
          update tenants set slug = ${candidate}, updated_at = now()
          where id = ${tenantId} and slug is null
          returning slug)
        select coalesce((select slug from current), (select slug from assign)) as slug`);
      return result.rows[0]!.slug;
    } catch (error) {
      if (pgErrorCode(error) !== PG_UNIQUE_VIOLATION) throw error;
    }
  }
  throw new StepError('No free website address could be reserved for this store');
}

/**
 * Website deployment (60%): the slug and website URL, a published site version built from
 * the chosen theme and settings (idempotency key per provisioning: a rerun gets the same
 * version back), and a real HTTP self-check of the site before it goes live.
 */
export const deployWebsiteStep: Step = {
  key: 'website',
  async run({ ctx, faults, httpAgent, run, steps, signal }) {
    const tenantId = outputOf(steps, 'workspace')!.tenantId!;
    const slug = await assignSlug(ctx.db, run, tenantId);
    const settings: ThemeSettings | undefined = run.settings.features
      ? { features: run.settings.features }
      : undefined;
    const { versionId } = await publishSite({
      db: ctx.db,
      tenantId,
      themeId: run.themeId,
      settings,
      idempotencyKey: `provisioning:${run.id}`,
      actor: { type: 'system' },
    });
    await faults.hit('website', run);
    const host = `${slug}.${ctx.config.platform.domain}`;
    await checkWebsiteAnswers({
      baseUrl: ctx.config.provisioning.selfCheckUrl,
      host,
      path: `/?preview=${createPreviewToken({ secret: ctx.secrets.preview, tenantId, versionId, ttlSeconds: 60 })}`,
      storeName: run.storeName,
      agent: httpAgent,
      signal,
    });
    const websiteUrl = websiteUrlFor(ctx.config, slug);
    return ctx.db.transaction(async (tx) => {
      const output = { slug, websiteUrl, siteVersionId: versionId };
      await completeStep(tx, { run, key: 'website', tenantId, output });
      return output;
    });
  },
};
