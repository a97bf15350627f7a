/**
 * Sessions: every sign-in creates a row, its id rides in the token, and every request checks
 * that the row still counts. The check is a primary-key read, skipped for a minute at a time
 * by a per-instance cache — but only while this instance's realtime stream is listening,
 * because that stream is how an ended session (on any instance) leaves the cache, within
 * milliseconds of its commit. Without a live stream every request reads the row.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SessionEndReason } from '@orbit360/contracts';
import { isUuid, type Db, type Executor } from '../../platform/database/index.js';
import { AppError } from '../../platform/errors.js';
import { publishEvent } from '../realtime/index.js';
import { sessions } from './sessions.table.js';
import type { Authenticator, Principal } from '../../platform/http/guards.js';
import {
  sessionExpiredError,
  type AdminIdentity,
  type MerchantIdentity,
  type TokenService,
} from './tokens.js';

/** How long a checked session is trusted without reading its row again. */
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 100_000;

/** Where a sign-in came from (kept with the session for the account's history). */
export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export interface SessionService extends Authenticator {
  startAdmin(admin: AdminIdentity, client?: ClientInfo, tx?: Executor): Promise<string>;
  startMerchant<Role extends string>(
    account: Omit<MerchantIdentity, 'role'> & { role: Role },
    client?: ClientInfo,
    tx?: Executor,
  ): Promise<{ token: string; merchant: Omit<MerchantIdentity, 'role'> & { role: Role } }>;
  /** Drops ended sessions from this instance's cache (fed by `session.ended` events). */
  forget(sessionIds: readonly string[]): void;
}

export const sessionEndedError = () =>
  new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again', {
    reason: 'session_ended',
  });

export function createSessionService(options: {
  db: Db;
  tokens: TokenService;
  /** True while ended sessions reach `forget` (the realtime stream is listening). */
  isStreamLive: () => boolean;
}): SessionService {
  const { db, tokens } = options;
  const checked = new Map<string, number>();
  /** Bumped on every `forget`, so a read that raced an ending is not cached. */
  let generation = 0;

  async function insertSession(
    executor: Executor,
    values: { kind: Principal['kind']; accountId: string; tenantId?: string },
    client: ClientInfo,
  ) {
    // Each sign-in also clears the account's history older than a month: rows stay bounded.
    await executor
      .delete(sessions)
      .where(
        and(
          eq(sessions.accountId, values.accountId),
          sql`coalesce(${sessions.endedAt}, ${sessions.expiresAt}) < now() - interval '30 days'`,
        ),
      );
    const [row] = await executor
      .insert(sessions)
      .values({
        ...values,
        ip: client.ip?.slice(0, 64),
        userAgent: client.userAgent?.slice(0, 512),
        expiresAt: new Date(Date.now() + tokens.lifetimeMs(values.kind)),
      })
      .returning({ id: sessions.id });
    return row!.id;
  }

  /** One statement: the session counts (and is touched) or it does not. */
  async function isLive(principal: Principal) {
    const rows = await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(
        and(
          eq(sessions.id, principal.sessionId),
          eq(sessions.accountId, principal.id),
          eq(sessions.kind, principal.kind),
          isNull(sessions.endedAt),
          sql`${sessions.expiresAt} > now()`,
        ),
      )
      .returning({ id: sessions.id });
    return rows.length > 0;
  }

  return {
    async startAdmin(admin, client = {}, tx = db) {
      const sessionId = await insertSession(tx, { kind: 'admin', accountId: admin.id }, client);
      return tokens.signAdmin({ ...admin, sessionId });
    },

    async startMerchant(account, client = {}, tx = db) {
      const merchant = {
        id: account.id,
        merchantId: account.merchantId,
        tenantId: account.tenantId,
        role: account.role,
      };
      const sessionId = await insertSession(
        tx,
        { kind: 'merchant', accountId: merchant.id, tenantId: merchant.tenantId },
        client,
      );
      return { token: await tokens.signMerchant({ ...merchant, sessionId }), merchant };
    },

    async authenticate(token) {
      const principal = await tokens.verify(token);
      if (!isUuid(principal.sessionId) || !isUuid(principal.id)) throw sessionExpiredError();
      const trustedUntil = checked.get(principal.sessionId);
      const now = Date.now();
      if (trustedUntil !== undefined && trustedUntil > now && options.isStreamLive()) {
        return principal;
      }
      const started = generation;
      if (!(await isLive(principal))) {
        checked.delete(principal.sessionId);
        throw sessionEndedError();
      }
      if (started === generation && options.isStreamLive()) {
        if (checked.size >= CACHE_MAX_ENTRIES) checked.clear();
        checked.set(principal.sessionId, now + CACHE_TTL_MS);
      }
      return principal;
    },

    forget(sessionIds) {
      generation += 1;
      for (const id of sessionIds) checked.delete(id);
    },
  };
}

/** Which live sessions to end: one, an account's (optionally but one), or a tenant's. */
export type SessionScope =
  | { sessionId: string }
  | { kind: Principal['kind']; accountId: string; exceptSessionId?: string }
  | { tenantId: string };

/**
 * Ends live sessions in the caller's transaction and announces it (`session.ended`): once it
 * commits, every instance refuses their tokens and closes their sockets. Returns their ids.
 */
export async function endSessions(
  tx: Executor,
  scope: SessionScope,
  reason: SessionEndReason,
): Promise<string[]> {
  const which =
    'sessionId' in scope
      ? eq(sessions.id, scope.sessionId)
      : 'tenantId' in scope
        ? eq(sessions.tenantId, scope.tenantId)
        : and(
            eq(sessions.kind, scope.kind),
            eq(sessions.accountId, scope.accountId),
            scope.exceptSessionId ? sql`${sessions.id} <> ${scope.exceptSessionId}` : undefined,
          );
  const ended = await tx
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(which, isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  const sessionIds = ended.map((row) => row.id);
  // Admins only (no tenant): merchants learn it from their socket closing.
  if (sessionIds.length) await publishEvent(tx, 'session.ended', { sessionIds, reason });
  return sessionIds;
}
