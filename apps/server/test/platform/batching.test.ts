import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../src/platform/batching.js';

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
};

describe('createBatcher', () => {
  it('runs items submitted together as one batch and answers each caller in order', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number, number>({
      maxSize: 10,
      run: async (items) => {
        batches.push(items);
        return items.map((n) => n * 10);
      },
    });
    const results = await Promise.all([1, 2, 3].map((n) => batcher.submit(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers what arrives while a batch runs into the next one, at most maxSize each', async () => {
    const batches: number[][] = [];
    const gate = deferred();
    const batcher = createBatcher<number, number>({
      maxSize: 3,
      run: async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate.promise;
        return items;
      },
    });
    const first = batcher.submit(0);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [1, 2, 3, 4, 5].map((n) => batcher.submit(n));
    gate.release();
    expect(await Promise.all([first, ...rest])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it('when a batch fails, runs each item alone so only the bad one fails', async () => {
    const batches: string[][] = [];
    const batcher = createBatcher<string, string>({
      maxSize: 10,
      run: async (items) => {
        batches.push(items);
        if (items.includes('bad')) throw new Error(`batch of ${items.length} failed`);
        return items.map((s) => s.toUpperCase());
      },
    });
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((s) => batcher.submit(s)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: new Error('batch of 1 failed') },
      { status: 'fulfilled', value: 'C' },
    ]);
    expect(batches).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });
});
