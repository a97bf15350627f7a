/**
 * Group commit for application work: concurrent callers submit items one by one; the batcher
 * runs them together — one transaction and a handful of set-based statements for the whole
 * batch instead of a dozen round trips per item.
 *
 * - No added latency when idle: the first item starts a batch on the next turn of the event
 *   loop (gathering whatever was submitted in the same turn). While a batch runs, new items
 *   wait and form the next one, so batches grow with load, like PostgreSQL's group commit.
 * - Isolation on failure: when a batch of several fails, each of its items runs again alone,
 *   so one bad item (a failing step, a constraint violation) fails only its own caller.
 *   `run` must therefore be all-or-nothing for a batch (one transaction) and idempotent.
 */
export interface Batcher<I, O> {
  submit(item: I): Promise<O>;
}

export function createBatcher<I, O>(options: {
  /** Runs a batch; returns one result per item, in order. */
  run: (items: I[]) => Promise<O[]>;
  maxSize: number;
}): Batcher<I, O> {
  interface Pending {
    item: I;
    resolve: (value: O) => void;
    reject: (reason: unknown) => void;
  }
  let queue: Pending[] = [];
  let running = false;

  async function runAlone(entry: Pending) {
    try {
      const [result] = await options.run([entry.item]);
      entry.resolve(result as O);
    } catch (error) {
      entry.reject(error);
    }
  }

  async function drain() {
    while (queue.length) {
      const batch = queue.slice(0, options.maxSize);
      queue = queue.slice(batch.length);
      if (batch.length === 1) {
        await runAlone(batch[0]!);
        continue;
      }
      try {
        const results = await options.run(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(results[i] as O));
      } catch {
        await Promise.all(batch.map(runAlone));
      }
    }
    running = false;
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running) return;
        running = true;
        setImmediate(() => void drain());
      });
    },
  };
}
