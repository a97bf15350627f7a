import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import { enqueueJob, startQueue, type Queue } from '../../src/platform/queue.js';
import { setupTestDatabase } from '../helpers.js';

/**
 * Issue 14 item 8: when graphile-worker's runner stops by itself (its promise settles — a
 * fatal error inside it, e.g. jobs it could not complete through a long outage), the queue
 * notices and starts a new runner instead of leaving a live process without a worker.
 */
describe('the queue runner is supervised', () => {
  const database = setupTestDatabase();
  let queue: Queue | undefined;
  afterAll(async () => {
    await queue?.stop();
  });

  it('a runner that stops is replaced and jobs keep running', async () => {
    const done: number[] = [];
    queue = await startQueue({
      url: database.url,
      logger: createLogger('silent'),
      concurrency: 2,
      pollIntervalMs: 50,
      tasks: {
        'test.mark': async (payload) => {
          done.push((payload as { n: number }).n);
        },
      },
    });
    await enqueueJob(database.db, { task: 'test.mark', payload: { n: 1 } });
    await vi.waitFor(() => expect(done).toEqual([1]), { timeout: 10_000, interval: 20 });

    await queue.killRunnerForTesting();
    await vi.waitFor(() => expect(queue!.restarts).toBe(1), { timeout: 10_000, interval: 20 });
    await enqueueJob(database.db, { task: 'test.mark', payload: { n: 2 } });
    await vi.waitFor(() => expect(done).toEqual([1, 2]), { timeout: 10_000, interval: 20 });
  });
});
