import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/database/index.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../../platform/errors.js';
import { createPreviewToken, publishSites, websiteUrlFor } from '../../storefront/index.js';
import { assignTenantSlugs } from '../../tenants/index.js';
import { provisionings } from '../provisioning.table.js';
import type { RunRow } from '../provisioning-state.js';
import { findAvailableSlug, findTakenSlugs, firstFreeSlug, slugify } from '../slugs.js';
import { StepError } from '../step-error.js';
import { checkWebsiteAnswers } from './self-check.js';
import { defineStep } from './step.js';

/**
 * Sets the candidate slugs on those tenants that have none (the tenants module writes them)
 * and reserves each such slug on its run — both in one transaction, one statement each. A
 * tenant that has a slug (a rerun) keeps it. Returns each tenant's slug, in order.
 */
async function reserveSlugs(
  db: Db,
  entries: { runId: string; tenantId: string; slug: string }[],
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const assigned = await assignTenantSlugs(
      tx,
      entries.map(({ tenantId, slug }) => ({ tenantId, slug })),
    );
    const reserve = entries.flatMap((e, i) =>
      assigned[i]!.assigned ? [{ id: e.runId, slug: e.slug }] : [],
    );
    if (reserve.length) {
      await tx.execute(sql`
      update ${provisionings} p set slug = i.slug
      from jsonb_to_recordset(${JSON.stringify(reserve)}::jsonb) as i(id uuid, slug text)
      where p.id = i.id and p.slug is null`);
    }
    return assigned.map((a) => a.slug);
  });
}

/**
 * The tenant's slug: the one it already has (a rerun), the one reserved at activation, or the
 * first free one derived from the store name — reserved on the run and set on the tenant in
 * one transaction. Unique indexes decide races with other runs; the loser picks again.
 */
async function assignSlug(db: Db, run: RunRow, tenantId: string): Promise<string> {
  for (let tries = 0; tries < 5; tries++) {
    const candidate = run.slug ?? (await findAvailableSlug(db, slugify(run.storeName)));
    try {
      const [slug] = await reserveSlugs(db, [{ runId: run.id, tenantId, slug: candidate }]);
      return slug!;
    } catch (error) {
      if (pgErrorCode(error) !== PG_UNIQUE_VIOLATION) throw error;
    }
  }
  throw new StepError('No free website address could be reserved for this store');
}

/**
 * `assignSlug` for a batch of runs: the free slugs of all of them found with one query (runs
 * of the batch never pick the same one) and written with one statement per table. When that
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
  try {
    return await reserveSlugs(
      db,
      runs.map(({ run, tenantId }, i) => ({ runId: run.id, tenantId, slug: candidates[i]! })),
    );
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
