import type { Queryable } from './read-events.js';

/**
 * Deletes events older than the retention period. Safe to run on every instance at once
 * (a plain delete by time); a client resuming from before the cut is told to resync.
 */
export async function pruneEvents(options: {
  db: Queryable;
  retentionHours: number;
}): Promise<number> {
  const { rowCount } = await options.db.query(
    `delete from events where at < now() - make_interval(hours => $1)`,
    [options.retentionHours],
  );
  return rowCount ?? 0;
}
