import { asc, eq, isNull } from 'drizzle-orm';
import type { CreatePlanBody, Plan, UpdatePlanBody } from '@orbit360/contracts';
import { isUuid, type Db, type Executor } from '../../platform/database/index.js';
import {
  AppError,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  pgErrorCode,
} from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { publishEvent } from '../realtime/index.js';
import { toPlanDto, type PlanRow } from './plan.dto.js';
import { plans } from './plans.table.js';

export async function listPlans(options: {
  db: Executor;
  includeArchived?: boolean;
}): Promise<Plan[]> {
  const rows = await options.db
    .select()
    .from(plans)
    .where(options.includeArchived ? undefined : isNull(plans.archivedAt))
    .orderBy(asc(plans.sortOrder), asc(plans.priceCents));
  return rows.map(toPlanDto);
}

/** The plan row. Unknown or malformed id → 404. */
export async function getPlan(options: { db: Executor; id: string }): Promise<PlanRow> {
  if (!isUuid(options.id)) throw AppError.notFound('Plan');
  const [row] = await options.db.select().from(plans).where(eq(plans.id, options.id));
  if (!row) throw AppError.notFound('Plan');
  return row;
}

export async function createPlan(options: { db: Db; input: CreatePlanBody; actorId: string }) {
  try {
    return await options.db.transaction(async (tx) => {
      const [row] = await tx.insert(plans).values(options.input).returning();
      await recordAudit(tx, {
        actor: { type: 'admin', id: options.actorId },
        action: 'plan.created',
        target: { type: 'plan', id: row!.id },
        data: { key: row!.key },
      });
      await publishEvent(tx, 'plan.changed', { planId: row!.id, action: 'created' });
      return toPlanDto(row!);
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw new AppError('CONFLICT', `A plan with key "${options.input.key}" already exists`, {
        fields: [{ field: 'body.key', message: 'is already taken' }],
      });
    }
    throw error;
  }
}

export async function updatePlan(options: {
  db: Db;
  id: string;
  input: UpdatePlanBody;
  actorId: string;
}) {
  await getPlan({ db: options.db, id: options.id });
  const { isArchived, ...fields } = options.input;
  return options.db.transaction(async (tx) => {
    const [row] = await tx
      .update(plans)
      .set({
        ...fields,
        ...(isArchived === undefined ? {} : { archivedAt: isArchived ? new Date() : null }),
        updatedAt: new Date(),
      })
      .where(eq(plans.id, options.id))
      .returning();
    await recordAudit(tx, {
      actor: { type: 'admin', id: options.actorId },
      action: isArchived === true ? 'plan.archived' : 'plan.updated',
      target: { type: 'plan', id: options.id },
      data: { fields: Object.keys(options.input) },
    });
    await publishEvent(tx, 'plan.changed', {
      planId: options.id,
      action: isArchived === true ? 'archived' : 'updated',
    });
    return toPlanDto(row!);
  });
}

/** Deletes an unused plan; a plan referenced by merchants or tenants → 409 (archive instead). */
export async function deletePlan(options: { db: Db; id: string; actorId: string }) {
  const plan = await getPlan({ db: options.db, id: options.id });
  try {
    await options.db.transaction(async (tx) => {
      await tx.delete(plans).where(eq(plans.id, options.id));
      await recordAudit(tx, {
        actor: { type: 'admin', id: options.actorId },
        action: 'plan.deleted',
        target: { type: 'plan', id: options.id },
        data: { key: plan.key },
      });
      await publishEvent(tx, 'plan.changed', { planId: options.id, action: 'deleted' });
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
      throw new AppError('CONFLICT', 'This plan is in use by merchants; archive it instead');
    }
    throw error;
  }
}
