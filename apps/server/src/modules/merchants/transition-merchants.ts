import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { MerchantStatus } from '@orbit360/contracts';
import type { Executor, Tx } from '../../platform/database/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { publishEvents, type EventToPublish } from '../realtime/index.js';
import type { MerchantRow } from './merchant.dto.js';
import { merchants } from './merchants.table.js';

/**
 * The merchant lifecycle (ADR 025): every status a merchant can move between, and the audit
 * action that records the move. Anything else is a programming error.
 */
const LIFECYCLE = {
  'pending>provisioning': 'merchant.activation_requested',
  'provisioning>active': 'merchant.activated',
  'provisioning>failed': 'merchant.provisioning_failed',
  'failed>provisioning': 'merchant.provisioning_retried',
  'active>suspended': 'merchant.suspended',
  'suspended>active': 'merchant.reactivated',
} as const satisfies Record<string, string>;

/** Transitions announced with an event of their own after `merchant.status_changed`. */
const OWN_EVENT = { 'merchant.suspended': true, 'merchant.reactivated': true } as const;

export interface MerchantTransition {
  id: string;
  /** The status the merchant must be in; a merchant in another one is reported back. */
  from: MerchantStatus;
  to: MerchantStatus;
  actor: AuditEntry['actor'];
  /** An admin's reason (suspend / reactivate), recorded in the default audit data. */
  reason?: string;
  /** The tenant the audit entry and events belong to; default: the merchant row's. */
  tenantId?: string | null;
  /** The audit entry's data; default `{ previous, status, reason }`. */
  auditData?: Record<string, unknown>;
  /** Events of the caller's own change, published right before this merchant's status events. */
  events?: EventToPublish[];
  /** The theme and plan the merchant is activated with (set with the status). */
  assign?: { themeId: string; planId: string };
}

export interface TransitionResult {
  /** The merchants moved, as updated, in the order given. */
  changed: MerchantRow[];
  /** The merchants that were not in `from` (status null: no such merchant); nothing changed for them. */
  rejected: { id: string; status: MerchantStatus | null }[];
  /** With `publish: false`: each changed merchant's events, for the caller to publish. */
  events: Map<string, EventToPublish[]>;
}

const actionOf = (t: Pick<MerchantTransition, 'from' | 'to'>) => {
  const action = LIFECYCLE[`${t.from}>${t.to}` as keyof typeof LIFECYCLE];
  if (!action) throw new Error(`no merchant transition ${t.from} → ${t.to}`);
  return action;
};

/**
 * The one writer of `merchants.status`: moves merchants from one lifecycle status to the next
 * in one set-based UPDATE guarded by each one's `from` (a merchant found in another status is
 * left alone and reported in `rejected`), then records one audit entry per moved merchant
 * and publishes, per merchant, the caller's `events`, `merchant.status_changed` and
 * `merchant.suspended` / `merchant.reactivated` where they apply — all in the caller's
 * transaction. With `publish: false` the events are returned instead, for a caller that
 * publishes them in a batch of its own (a provisioning step's completion).
 */
export async function transitionMerchants(
  tx: Tx,
  transitions: MerchantTransition[],
  options: { publish?: boolean } = {},
): Promise<TransitionResult> {
  if (!transitions.length) return { changed: [], rejected: [], events: new Map() };
  const actions = transitions.map(actionOf);
  const input = JSON.stringify(
    transitions.map((t) => ({
      id: t.id,
      from: t.from,
      to: t.to,
      theme_id: t.assign?.themeId ?? null,
      plan_id: t.assign?.planId ?? null,
    })),
  );
  const updated = await tx
    .update(merchants)
    .set({
      status: sql`i."to"::merchant_status`,
      themeId: sql`coalesce(i.theme_id, ${merchants.themeId})`,
      planId: sql`coalesce(i.plan_id, ${merchants.planId})`,
      updatedAt: sql`now()`,
    })
    .from(
      sql`jsonb_to_recordset(${input}::jsonb) as i(id uuid, "from" merchant_status, "to" text, theme_id uuid, plan_id uuid)`,
    )
    .where(and(eq(merchants.id, sql`i.id`), eq(merchants.status, sql`i."from"`)))
    .returning(getTableColumns(merchants));
  const byId = new Map(updated.map((row) => [row.id, row]));
  const missing = transitions.filter((t) => !byId.has(t.id)).map((t) => t.id);
  const rejected = missing.length ? await currentStatuses(tx, missing) : [];

  const audit: AuditEntry[] = [];
  const events: EventToPublish[] = [];
  const eventsOf = new Map<string, EventToPublish[]>();
  const changed: MerchantRow[] = [];
  transitions.forEach((t, i) => {
    const row = byId.get(t.id);
    if (!row) return;
    changed.push(row);
    const tenantId = (t.tenantId === undefined ? row.tenantId : t.tenantId) ?? undefined;
    const action = actions[i]!;
    audit.push({
      actor: t.actor,
      action,
      target: { type: 'merchant', id: t.id },
      tenantId,
      data: t.auditData ?? { previous: t.from, status: t.to, reason: t.reason ?? null },
    });
    const own: EventToPublish[] = [
      ...(t.events ?? []),
      {
        type: 'merchant.status_changed',
        data: { merchantId: t.id, status: t.to, previous: t.from },
        tenantId,
      },
    ];
    if (action in OWN_EVENT) {
      own.push({ type: action as keyof typeof OWN_EVENT, data: { merchantId: t.id }, tenantId });
    }
    events.push(...own);
    eventsOf.set(t.id, own);
  });
  await recordAudit(tx, audit);
  if (options.publish === false) return { changed, rejected, events: eventsOf };
  await publishEvents(tx, events);
  return { changed, rejected, events: new Map() };
}

/** Statuses as committed now (a fresh statement: it sees what a concurrent change committed). */
async function currentStatuses(db: Executor, ids: string[]) {
  const rows = await db
    .select({ id: merchants.id, status: merchants.status })
    .from(merchants)
    .where(inArray(merchants.id, ids));
  const statusOf = new Map(rows.map((r) => [r.id, r.status]));
  return ids.map((id) => ({ id, status: statusOf.get(id) ?? null }));
}

/**
 * Locks merchants for an activation (in id order, so concurrent activations cannot deadlock)
 * and returns them.
 */
export function lockMerchants(tx: Tx, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as MerchantRow[]);
  return tx
    .select()
    .from(merchants)
    .where(inArray(merchants.id, ids))
    .orderBy(merchants.id)
    .for('update');
}

/** A provisioned workspace's identity, recorded on its merchant (one statement for all). */
export async function attachWorkspaces(
  tx: Tx,
  workspaces: {
    merchantId: string;
    merchantCode: string;
    tenantId: string;
    themeId: string;
    planId: string;
  }[],
) {
  if (!workspaces.length) return;
  const attach = JSON.stringify(
    workspaces.map((w) => ({
      id: w.merchantId,
      merchant_code: w.merchantCode,
      tenant_id: w.tenantId,
      theme_id: w.themeId,
      plan_id: w.planId,
    })),
  );
  await tx.execute(sql`
    update ${merchants} m set merchant_code = i.merchant_code, tenant_id = i.tenant_id,
      theme_id = i.theme_id, plan_id = i.plan_id, updated_at = now()
    from jsonb_to_recordset(${attach}::jsonb)
      as i(id uuid, merchant_code text, tenant_id uuid, theme_id uuid, plan_id uuid)
    where m.id = i.id`);
}
