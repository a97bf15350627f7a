import type { Plan } from '@orbit360/contracts';
import type { plans } from './plans.table.js';

export type PlanRow = typeof plans.$inferSelect;

export const toPlanDto = (row: PlanRow): Plan => ({
  id: row.id,
  key: row.key,
  name: row.name,
  description: row.description,
  priceCents: row.priceCents,
  currency: row.currency,
  interval: row.interval,
  limits: row.limits,
  features: row.features,
  isPopular: row.isPopular,
  isArchived: row.archivedAt !== null,
  sortOrder: row.sortOrder,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
