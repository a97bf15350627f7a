import type { SlugAvailability } from '@orbit360/contracts';
import type { Executor } from '../../platform/database/index.js';
import { findAvailableSlug, isSlugTaken, slugProblem, slugify } from './slugs.js';

/**
 * Whether a store slug can be requested at activation, with a free alternative when it
 * cannot (for the activation form's live check). Advisory: activation re-checks under its
 * unique index.
 */
export async function checkSlugAvailability(options: {
  db: Executor;
  slug: string;
}): Promise<SlugAvailability> {
  const slug = options.slug.trim().toLowerCase();
  const problem = slugProblem(slug);
  if (problem) {
    return {
      slug,
      isValid: false,
      isAvailable: false,
      suggestion: await findAvailableSlug(options.db, slugify(slug)),
      message: problem,
    };
  }
  const taken = await isSlugTaken(options.db, slug);
  return {
    slug,
    isValid: true,
    isAvailable: !taken,
    suggestion: taken ? await findAvailableSlug(options.db, slug) : null,
    message: taken ? 'is already taken' : null,
  };
}
