import type { QueryClient, QueryKey } from '@tanstack/react-query';

const BATCH_MS = 60;
const batches = new WeakMap<
  QueryClient,
  { keys: Map<string, QueryKey>; timer?: ReturnType<typeof setTimeout> }
>();

/**
 * Invalidates `keys` after a short delay, merged with every other key scheduled meanwhile: a
 * burst of realtime events (six steps, a bulk activation) causes one refetch per query.
 */
export function invalidateSoon(queryClient: QueryClient, keys: QueryKey[]) {
  let batch = batches.get(queryClient);
  if (!batch) {
    batch = { keys: new Map() };
    batches.set(queryClient, batch);
  }
  for (const key of keys) batch.keys.set(JSON.stringify(key), key);
  if (batch.timer !== undefined || batch.keys.size === 0) return;
  const current = batch;
  current.timer = setTimeout(() => {
    current.timer = undefined;
    const all = [...current.keys.values()];
    current.keys.clear();
    for (const queryKey of all) void queryClient.invalidateQueries({ queryKey });
  }, BATCH_MS);
}
