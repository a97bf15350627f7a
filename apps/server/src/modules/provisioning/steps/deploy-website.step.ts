import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/database/index.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../../platform/errors.js';
import { createPreviewToken, publishSites, websiteUrlFor } from '../../storefront/index.js';
import type { RunRow } from '../provisioning-state.js';
import { findAvailableSlug, findTakenSlugs, firstFreeSlug, slugify } from '../slugs.js';
import { StepError } from '../step-error.js';
import { checkWebsiteAnswers } from './self-check.js';
import { defineStep } from './step.js';

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
 * `assignSlug` for a batch of runs: the free slugs of all of them found with one query (runs
 * of the batch never pick the same one) and written with one statement. When that statement
 * loses a race with another run (a unique index says so), each run assigns its own.
 */
async function assignSlugs(db: Db, runs: { run: RunRow; tenantId: string }[]): Promise<string[]> {
  if (runs.length === 1) return [await assignSlug(db, runs[0]!.run, runs[0]!.tenantId)];
  const bases = runs.map(({ run }) => slugify(run.storeName));
  const taken = await findTakenSlugs(db, bases);
  const candidates = runs.map(({ run }, i) => {
    const slug = run.slug ?? firstFreeSlug(bases[i]!, taken);
    taken.add(slug);
    return slug;
  });
  const input = JSON.stringify(
    runs.map(({ run, tenantId }, i) => ({ id: run.id, tenant_id: tenantId, slug: candidates[i] })),
  );
  try {
    const result = await db.execute<{ id: string; slug: string }>(sql`
      with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as i(id uuid, tenant_id uuid, slug text)),
      current as (
        select t.id, t.slug from tenants t join input i on t.id = i.tenant_id where t.slug is not null),
      reserve as (
        update provisionings p set slug = i.slug from input i
        where p.id = i.id and p.slug is null and i.tenant_id not in (select id from current)
        returning p.id),
      assign as (
        update tenants t set slug = i.slug, updated_at = now() from input i
        where t.id = i.tenant_id and t.slug is null
        returning t.id, t.slug)
      select i.id, coalesce(c.slug, a.slug) as slug
      from input i left join current c on c.id = i.tenant_id left join assign a on a.id = i.tenant_id`);
    const slugOf = new Map(result.rows.map((row) => [row.id, row.slug]));
    return runs.map(({ run }) => slugOf.get(run.id)!);
  } catch (error) {
    if (pgErrorCode(error) !== PG_UNIQUE_VIOLATION) throw error;
    return Promise.all(runs.map(({ run, tenantId }) => assignSlug(db, run, tenantId)));
  }
}

/**
 * Website deployment (60%): the slug and website URL, a published site version built from
 * the chosen theme and settings (idempotency key per provisioning: a rerun gets the same
 * version back), and a real HTTP self-check of each site before it goes live.
 */
export const deployWebsiteStep = defineStep({
  key: 'website',
  // External effects (idempotent) first, on the pool; the completion commits after them.
  transaction: false,
  async work(step, runs) {
    const { ctx } = step;
    const tenantIds = runs.map(({ outputs }) => outputs.workspace.tenantId);
    const slugs = await assignSlugs(
      ctx.db,
      runs.map(({ run }, i) => ({ run, tenantId: tenantIds[i]! })),
    );
    const versions = await publishSites({
      db: ctx.db,
      sites: runs.map(({ run }, i) => ({
        tenantId: tenantIds[i]!,
        themeId: run.themeId,
        settings: run.settings.features ? { features: run.settings.features } : undefined,
        idempotencyKey: `provisioning:${run.id}`,
      })),
      actor: { type: 'system' },
      // This instance's storefront serves the new version to the self-check below at once.
      storefront: ctx.storefront,
    });
    await step.hitFaults();
    await Promise.all(
      runs.map(({ run, signal }, i) =>
        checkWebsiteAnswers({
          baseUrl: ctx.config.provisioning.selfCheckUrl,
          host: `${slugs[i]}.${ctx.config.platform.domain}`,
          path: `/?preview=${createPreviewToken({
            secret: ctx.secrets.preview,
            tenantId: tenantIds[i]!,
            versionId: versions[i]!.versionId,
            ttlSeconds: 60,
          })}`,
          storeName: run.storeName,
          agent: step.httpAgent,
          signal,
        }),
      ),
    );
    return runs.map((_, i) => ({
      output: {
        slug: slugs[i]!,
        websiteUrl: websiteUrlFor(ctx.config, slugs[i]!),
        siteVersionId: versions[i]!.versionId,
      },
    }));
  },
});
