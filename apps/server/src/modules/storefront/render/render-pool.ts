/**
 * Renders theme pages off the main event loop (ADR 012): a Piscina pool of worker threads, each
 * with a heap cap, and a hard timeout per render (the worker is terminated and replaced). In
 * front of the pool, a scheduler admits at most `threads` renders at once — so a render starts
 * on a worker the moment it is admitted, and its timeout measures the render, not a queue —
 * and at most `perStore` renders of one store, so one store's misses cannot occupy the pool.
 * Renders that cannot be admitted within `queueWaitMs` (or beyond the queue's bounds) fail
 * with RenderBusyError (a 503 with Retry-After, never cached).
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ThemeRenderError, themeSource, type ThemeSource } from './theme-engine.js';
import type { RenderResult, RenderTask } from './render-worker.js';

export interface RenderPoolOptions {
  /** Worker threads. */
  threads: number;
  /** Milliseconds a render may run on its worker before the worker is terminated. */
  timeoutMs: number;
  /** `resourceLimits.maxOldGenerationSizeMb` of each worker. */
  heapMb: number;
  /** Renders of one store in flight at once (at most `threads − 1` when threads > 1). */
  perStore: number;
  /** How long a render may wait for admission. Default: `timeoutMs`. */
  queueWaitMs?: number;
  /** Renders waiting for admission, in all and per store. Defaults: 64 × threads, 8. */
  maxQueue?: number;
  maxQueuePerStore?: number;
}

export interface ThemePageRender {
  theme: ThemeSource;
  page: string;
  globals: object;
  /** Checked once admitted: true (the store's failure got cached meanwhile) skips the render. */
  skipIf?: () => boolean;
}

/** `skipIf` said the render is no longer needed. */
export class RenderSkippedError extends Error {
  constructor() {
    super('render no longer needed');
    this.name = 'RenderSkippedError';
  }
}

/** The pool is full for this store (or in all): answer 503 with Retry-After, do not cache. */
export class RenderBusyError extends Error {
  constructor() {
    super('storefront renderer is busy');
    this.name = 'RenderBusyError';
  }
}

export interface RenderStats {
  /** Renders started on a worker. */
  renders: number;
  /** Renders that failed (theme error, limit, timeout, heap, worker death). */
  failures: number;
  timeouts: number;
  heapOverruns: number;
  /** Renders refused with RenderBusyError. */
  busy: number;
  running: number;
  waiting: number;
}

export interface ThemeRenderer {
  /** The page's HTML; throws ThemeRenderError (theme's fault) or RenderBusyError. */
  render(tenantId: string, request: ThemePageRender): Promise<string>;
  stats(): RenderStats;
  /** The worker threads alive now (tests: a terminated worker is replaced). */
  threadIds(): number[];
  close(): Promise<void>;
}

interface Waiter {
  tenantId: string;
  admit: () => void;
  refuse: () => void;
  timer: NodeJS.Timeout;
}

/** A safety net for a worker that never reports the start of a task (it failed to boot). */
const START_GRACE_MS = 30_000;

/** The worker module: TypeScript next to this file under tsx/vitest, `dist/` JavaScript in production. */
function workerFile() {
  const here = import.meta.url;
  // Bundled, this module is part of dist/main.js and the worker is dist/render-worker.js.
  return new URL(`./render-worker${here.endsWith('.ts') ? '.ts' : '.js'}`, here);
}

/** Flags a worker may take from the parent (V8/heap flags like --max-semi-space-size are per-process). */
const INHERITED_FLAGS =
  /^--(import|require|loader|experimental-loader|conditions|enable-source-maps|no-warnings)(=|$)/;

function workerExecArgv(file: URL) {
  const argv: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i]!;
    if (!INHERITED_FLAGS.test(arg)) continue;
    argv.push(arg);
    const takesValue =
      !arg.includes('=') && /^--(import|require|loader|experimental-loader|conditions)$/.test(arg);
    if (takesValue && process.execArgv[i + 1] !== undefined) argv.push(process.execArgv[++i]!);
  }
  if (!file.pathname.endsWith('.ts')) return argv;
  // Under vitest the parent has no TypeScript loader of its own; workers load tsx.
  return argv.some((arg) => arg.includes('tsx')) ? argv : [...argv, '--import', 'tsx'];
}

export function createRenderPool(options: RenderPoolOptions): ThemeRenderer {
  const queueWaitMs = options.queueWaitMs ?? options.timeoutMs;
  const maxQueue = options.maxQueue ?? 64 * options.threads;
  const maxQueuePerStore = options.maxQueuePerStore ?? 8;
  // One store never holds every worker: another store's miss always finds one.
  const perStore = Math.max(
    1,
    Math.min(options.perStore, options.threads > 1 ? options.threads - 1 : 1),
  );
  let pool: Piscina<RenderTask, RenderResult> | undefined;
  let closed = false;
  const inFlight = new Map<string, number>();
  const waitingPerStore = new Map<string, number>();
  const waiters: Waiter[] = [];
  let running = 0;
  const counters = { renders: 0, failures: 0, timeouts: 0, heapOverruns: 0, busy: 0 };

  function getPool() {
    if (!pool) {
      const filename = workerFile();
      pool = new Piscina<RenderTask, RenderResult>({
        filename: filename.href,
        name: 'default',
        minThreads: options.threads,
        maxThreads: options.threads,
        idleTimeout: Number.MAX_SAFE_INTEGER,
        concurrentTasksPerWorker: 1,
        resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
        execArgv: workerExecArgv(filename),
      });
    }
    return pool;
  }

  const bump = (map: Map<string, number>, key: string, by: number) => {
    const next = (map.get(key) ?? 0) + by;
    if (next > 0) map.set(key, next);
    else map.delete(key);
  };
  const canStart = (tenantId: string) =>
    running < options.threads && (inFlight.get(tenantId) ?? 0) < perStore;

  function start(tenantId: string) {
    running++;
    bump(inFlight, tenantId, 1);
  }

  function release(tenantId: string) {
    running--;
    bump(inFlight, tenantId, -1);
    // Admit waiters after the finished render's outcome was handled (a failure cached), so a
    // waiter of the same store can see it through `skipIf` instead of rendering again.
    if (waiters.length > 0) setImmediate(drain);
  }

  function drain() {
    for (let i = 0; i < waiters.length && running < options.threads; i++) {
      const waiter = waiters[i]!;
      if (!canStart(waiter.tenantId)) continue;
      waiters.splice(i--, 1);
      clearTimeout(waiter.timer);
      bump(waitingPerStore, waiter.tenantId, -1);
      start(waiter.tenantId);
      waiter.admit();
    }
  }

  function admission(tenantId: string): Promise<void> {
    if (closed) return Promise.reject(new RenderBusyError());
    if (canStart(tenantId)) {
      start(tenantId);
      return Promise.resolve();
    }
    if (waiters.length >= maxQueue || (waitingPerStore.get(tenantId) ?? 0) >= maxQueuePerStore) {
      counters.busy++;
      return Promise.reject(new RenderBusyError());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        tenantId,
        admit: resolve,
        refuse: () => reject(new RenderBusyError()),
        timer: setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          bump(waitingPerStore, tenantId, -1);
          counters.busy++;
          reject(new RenderBusyError());
        }, queueWaitMs),
      };
      waiters.push(waiter);
      bump(waitingPerStore, tenantId, 1);
    });
  }

  async function runOnWorker(request: ThemePageRender): Promise<RenderResult> {
    const template = `templates/${request.page}.liquid`;
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let timedOut = false;
    const timeout = () => {
      timedOut = true;
      abort.abort();
    };
    let timer = setTimeout(timeout, START_GRACE_MS + options.timeoutMs);
    port1.once('message', () => {
      clearTimeout(timer);
      timer = setTimeout(timeout, options.timeoutMs);
    });
    counters.renders++;
    try {
      return await getPool().run(
        {
          theme: themeSource(request.theme),
          page: request.page,
          globals: request.globals,
          port: port2,
        },
        { transferList: [port2], signal: abort.signal },
      );
    } catch (error) {
      if (timedOut) {
        counters.timeouts++;
        return { ok: false, template, reason: `rendering took over ${options.timeoutMs} ms` };
      }
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        counters.heapOverruns++;
        return { ok: false, template, reason: `rendering used over ${options.heapMb} MB of heap` };
      }
      if (closed) throw new RenderBusyError();
      // The worker died some other way while rendering this theme: the theme's fault too.
      const reason = error instanceof Error ? error.message.slice(0, 300) : 'render worker died';
      return { ok: false, template, reason: `render worker failed: ${reason}` };
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  return {
    async render(tenantId, request) {
      await admission(tenantId);
      let result: RenderResult;
      try {
        if (request.skipIf?.()) throw new RenderSkippedError();
        result = await runOnWorker(request);
      } finally {
        release(tenantId);
      }
      if (result.ok) return result.html;
      counters.failures++;
      throw new ThemeRenderError(result.reason, result.template);
    },
    stats: () => ({ ...counters, running, waiting: waiters.length }),
    threadIds: () => (pool?.threads ?? []).map((worker) => worker.threadId),
    async close() {
      closed = true;
      for (const waiter of waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.refuse();
      }
      waitingPerStore.clear();
      const current = pool;
      pool = undefined;
      await current?.destroy();
    },
  };
}
