import type { Db } from '../../platform/database/index.js';
import { endSessions } from '../sessions/index.js';

/** Ends the caller's own session: its token is refused from now on, on every instance. */
export async function logout(options: { db: Db; sessionId: string }): Promise<void> {
  const { db, sessionId } = options;
  await db.transaction((tx) => endSessions(tx, { sessionId }, 'logout'));
}
