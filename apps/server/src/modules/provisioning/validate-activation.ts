import type { ActivateMerchantBody, ActivationSettings } from '@orbit360/contracts';
import { isUuid, type Executor } from '../../platform/database/index.js';
import { AppError, isAppError, type FieldIssue } from '../../platform/errors.js';
import { getPlan, type PlanRow } from '../plans/index.js';
import { getThemeSummary, resolveThemeSettings, type ThemeSummary } from '../themes/index.js';
import { slugProblem } from './slugs.js';

async function findActive<T extends { archivedAt: Date | null }>(
  id: string,
  what: 'theme' | 'plan',
  load: () => Promise<T>,
): Promise<{ row?: T; problem?: string }> {
  if (!isUuid(id)) return { problem: `must be the id of a ${what}` };
  try {
    const row = await load();
    return row.archivedAt ? { problem: `is an archived ${what}` } : { row };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND')
      return { problem: `is not a known ${what}` };
    throw error;
  }
}

export interface ValidActivation {
  theme: ThemeSummary;
  plan: PlanRow;
  settings: ActivationSettings;
}

/**
 * Checks an activation request against the catalog: the theme and plan exist and are not
 * archived, the slug is not one the platform keeps, and the feature toggles are the theme's.
 * Every problem is reported at once, by field (`body.themeId`, `body.settings.slug`,
 * `body.settings.features.x`). Currency, time zone and locale were checked with the body, by
 * the shared rules of `ActivationSettings`.
 */
export async function validateActivation(options: {
  db: Executor;
  body: Pick<ActivateMerchantBody, 'themeId' | 'planId' | 'settings'>;
}): Promise<ValidActivation> {
  const { db, body } = options;
  const [theme, plan] = await Promise.all([
    findActive(body.themeId, 'theme', () => getThemeSummary({ db, id: body.themeId })),
    findActive(body.planId, 'plan', () => getPlan({ db, id: body.planId })),
  ]);
  const issues: FieldIssue[] = [];
  if (theme.problem) issues.push({ field: 'body.themeId', message: theme.problem });
  if (plan.problem) issues.push({ field: 'body.planId', message: plan.problem });

  const settings: ActivationSettings = body.settings ?? {};
  if (settings.slug) {
    const problem = slugProblem(settings.slug);
    if (problem) issues.push({ field: 'body.settings.slug', message: problem });
  }
  if (settings.features && theme.row) {
    const resolved = resolveThemeSettings(
      theme.row.configSchema,
      { features: settings.features },
      'body.settings',
    );
    issues.push(...resolved.issues);
  }
  if (issues.length) throw AppError.validation(issues);
  return { theme: theme.row!, plan: plan.row!, settings };
}
